/**
 * The reader, verb by verb: each expected command, answers kubectl reads the
 * same (aliases, short names, flag forms and order, `--`, quotes) and answers
 * it reads differently.
 */
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../src/kubectl/judge.js';
import { readCommand, type Reading } from '../../src/kubectl/read.js';

interface Row {
  expect: string;
  allow?: string[];
  same: string[];
  different: string[];
}

const TABLE: Record<string, Row> = {
  get: {
    expect: 'kubectl get pods -n learn-lab -l app=web,tier=fe',
    allow: ['-o', '--watch', '--show-labels'],
    same: [
      'k get po -l app=web,tier=fe -n learn-lab',
      'kubectl get pod --namespace=learn-lab --selector tier=fe,app=web',
      'kubectl -n learn-lab get Pods -l=app=web,tier=fe',
      'kubectl get pods -nlearn-lab -lapp=web,tier=fe -o wide -w --show-labels',
      'kubectl get pods -n \'learn-lab\' -l "app=web,tier=fe"',
      'kubectl get pods --namespace learn-lab -l app=web,tier=fe --watch=true',
    ],
    different: [
      'kubectl get pods -l app=web,tier=fe',
      'kubectl get pods -n learn-lab -l app=web',
      'kubectl get svc -n learn-lab -l app=web,tier=fe',
      'kubectl get pods -n learn-lab -l app=web,tier=fe -A',
    ],
  },
  'get (names)': {
    expect: 'kubectl get deployments nginx-deployment',
    same: [
      'kubectl get deploy nginx-deployment',
      'kubectl get deployment/nginx-deployment',
      'kubectl get deployments.apps nginx-deployment',
      'kubectl get Deployment nginx-deployment',
    ],
    different: ['kubectl get deployments', 'kubectl get replicasets nginx-deployment', 'kubectl get deployments nginx'],
  },
  describe: {
    expect: 'kubectl describe pod web',
    same: ['kubectl describe pods/web', 'kubectl describe po web', 'k describe pod web'],
    different: ['kubectl describe node web', 'kubectl get pod web', 'kubectl describe pod web -n kube-system'],
  },
  logs: {
    expect: 'kubectl logs web -c sidecar --previous',
    allow: ['-f', '--timestamps'],
    same: [
      'kubectl logs -p -c sidecar web',
      'kubectl logs pod/web --container=sidecar -p',
      'kubectl logs web -csidecar --previous=true -f',
      'kubectl logs --timestamps web -p --container sidecar',
    ],
    different: ['kubectl logs web -c sidecar', 'kubectl logs web -c main -p', 'kubectl logs web -p', 'kubectl logs db -c sidecar -p'],
  },
  exec: {
    expect: 'kubectl exec -it web -- sh',
    same: [
      'kubectl exec -ti web -- sh',
      'kubectl exec -i -t web -- sh',
      'kubectl exec --stdin --tty pod/web -- sh',
      'kubectl exec web -it -- sh',
    ],
    different: ['kubectl exec -it web -- bash', 'kubectl exec -i web -- sh', 'kubectl exec -it web sh', 'kubectl exec -it web'],
  },
  'exec (a command with flags and quotes)': {
    expect: "kubectl exec test-data -- sh -c 'echo hello > /data/hello.txt'",
    same: [
      'kubectl exec test-data -- sh -c "echo hello > /data/hello.txt"',
      'kubectl exec pod/test-data -- sh -c echo\\ hello\\ \\>\\ /data/hello.txt',
    ],
    different: ["kubectl exec test-data -- sh -c 'echo hi > /data/hello.txt'", 'kubectl exec test-data -- sh -c echo hello'],
  },
  apply: {
    expect: 'kubectl apply -f pod.yaml -n learn-lab',
    allow: ['--dry-run'],
    same: [
      'kubectl apply --filename=pod.yaml --namespace learn-lab',
      'kubectl apply -n learn-lab -f pod.yaml --dry-run=server',
      'kubectl apply -fpod.yaml -nlearn-lab',
    ],
    different: ['kubectl apply -f pod.yaml', 'kubectl create -f pod.yaml -n learn-lab', 'kubectl apply -f pod.yml -n learn-lab'],
  },
  'apply (several files)': {
    expect: 'kubectl apply -f a.yaml -f b.yaml',
    same: ['kubectl apply -f b.yaml -f a.yaml', 'kubectl apply -f a.yaml,b.yaml'],
    different: ['kubectl apply -f a.yaml'],
  },
  create: {
    expect: 'kubectl create deployment nginx --image=nginx:1.30',
    same: ['kubectl create deploy nginx --image nginx:1.30', 'kubectl create deployment --image=nginx:1.30 nginx'],
    different: [
      'kubectl create deployment web --image=nginx:1.30',
      'kubectl create deployment nginx --image=nginx',
      'kubectl create namespace nginx',
    ],
  },
  'create namespace': {
    expect: 'kubectl create namespace learn-lab --dry-run=client -o yaml',
    same: ['kubectl create ns learn-lab -o yaml --dry-run=client', 'kubectl create namespace learn-lab --output=yaml --dry-run=client'],
    different: [
      'kubectl create namespace learn-lab -o yaml',
      'kubectl create namespace learn-lab --dry-run=server -o yaml',
      'kubectl create namespace learn-lab --dry-run -o yaml',
    ],
  },
  delete: {
    expect: 'kubectl delete svc nginx-service',
    same: ['kubectl delete service nginx-service', 'kubectl delete services/nginx-service', 'kubectl delete Service nginx-service'],
    different: ['kubectl delete svc', 'kubectl delete deployment nginx-service', 'kubectl delete svc nginx-service --force'],
  },
  run: {
    expect: 'kubectl run web --image=nginx:1.30 -n learn-lab',
    same: ['kubectl run web -n learn-lab --image nginx:1.30', 'kubectl run --image=nginx:1.30 web --namespace=learn-lab'],
    different: [
      'kubectl run web --image=nginx:1.30',
      'kubectl run db --image=nginx:1.30 -n learn-lab',
      'kubectl run web --image=nginx:1.30 -n learn-lab -l app=web',
    ],
  },
  expose: {
    expect: 'kubectl expose deployment nginx-deployment --name=nginx-service --type=NodePort --port=80',
    same: [
      'kubectl expose deploy/nginx-deployment --port 80 --type NodePort --name nginx-service',
      'kubectl expose deployments nginx-deployment --type=NodePort --name=nginx-service --port=80',
    ],
    different: [
      'kubectl expose deployment nginx-deployment --name=nginx-service --port=80',
      'kubectl expose deployment nginx-deployment --name=nginx-service --type=ClusterIP --port=80',
      'kubectl expose pod nginx-deployment --name=nginx-service --type=NodePort --port=80',
    ],
  },
  scale: {
    expect: 'kubectl scale deployment nginx-deployment --replicas=3',
    same: ['kubectl scale deploy/nginx-deployment --replicas 3', 'kubectl scale --replicas=3 deployments nginx-deployment'],
    different: ['kubectl scale deployment nginx-deployment --replicas=2', 'kubectl scale deployment nginx-deployment'],
  },
  'set image': {
    expect: 'kubectl set image deployment/nginx-deployment nginx=nginx:1.30',
    same: ['kubectl set image deploy nginx-deployment nginx=nginx:1.30', 'kubectl set image deployments/nginx-deployment nginx=nginx:1.30'],
    different: [
      'kubectl set image deployment/nginx-deployment nginx=nginx:1.29',
      'kubectl set image deployment/nginx-deployment web=nginx:1.30',
    ],
  },
  'rollout status': {
    expect: 'kubectl rollout status deployment/nginx-deployment',
    allow: ['--timeout'],
    same: ['kubectl rollout status deploy nginx-deployment', 'kubectl rollout status deployment nginx-deployment --timeout=60s'],
    different: ['kubectl rollout history deployment/nginx-deployment', 'kubectl rollout status deployment/web'],
  },
  'rollout history': {
    expect: 'kubectl rollout history deployment/nginx-deployment --revision=2',
    same: ['kubectl rollout history deploy/nginx-deployment --revision 2'],
    different: ['kubectl rollout history deployment/nginx-deployment', 'kubectl rollout undo deployment/nginx-deployment --to-revision=2'],
  },
  'rollout undo': {
    expect: 'kubectl rollout undo deployment/nginx-deployment --to-revision=1',
    same: ['kubectl rollout undo deploy nginx-deployment --to-revision 1'],
    different: ['kubectl rollout undo deployment/nginx-deployment', 'kubectl rollout undo deployment/nginx-deployment --to-revision=2'],
  },
  label: {
    expect: 'kubectl label pod web tier=fe env=lab --overwrite',
    same: ['kubectl label pods web env=lab tier=fe --overwrite', 'kubectl label --overwrite pod/web tier=fe env=lab'],
    different: [
      'kubectl label pod web tier=fe --overwrite',
      'kubectl label pod web tier=fe env=lab',
      'kubectl label pod web tier=be env=lab --overwrite',
    ],
  },
  'port-forward': {
    expect: 'kubectl port-forward pod/web 8080:80',
    allow: ['--address'],
    same: ['kubectl port-forward web 8080:80', 'kubectl port-forward po/web 8080:80 --address 0.0.0.0'],
    different: ['kubectl port-forward pod/web 8080:8080', 'kubectl port-forward svc/web 8080:80'],
  },
  explain: {
    expect: 'kubectl explain pods.spec.containers',
    allow: ['--recursive'],
    same: ['kubectl explain pod.spec.containers', 'kubectl explain po.spec.containers --recursive', 'kubectl explain Pod.spec.containers'],
    different: ['kubectl explain pods.spec', 'kubectl explain deployments.spec.containers'],
  },
  'api-resources': {
    expect: 'kubectl api-resources --namespaced=false',
    same: ['k api-resources --namespaced=false'],
    different: ['kubectl api-resources', 'kubectl api-resources --namespaced=true', 'kubectl api-versions'],
  },
  'cluster-info': {
    expect: 'kubectl cluster-info',
    same: ['k cluster-info'],
    different: ['kubectl cluster-info dump', 'kubectl cluster-info --context kind-kind'],
  },
  'config get-contexts': {
    expect: 'kubectl config get-contexts',
    same: ['k config get-contexts'],
    different: ['kubectl config current-context', 'kubectl config get-contexts -o name'],
  },
  'config current-context': {
    expect: 'kubectl config current-context',
    same: ['kubectl  config  current-context'],
    different: ['kubectl config get-contexts', 'kubectl config view'],
  },
  'config use-context': {
    expect: 'kubectl config use-context kind-kind',
    same: ['kubectl config use kind-kind'],
    different: ['kubectl config use-context minikube', 'kubectl config set-context kind-kind'],
  },
  'auth can-i': {
    expect: 'kubectl auth can-i create deployments -n learn-lab',
    same: ['kubectl auth can-i create deploy --namespace learn-lab', 'kubectl auth can-i create deployments.apps -n learn-lab'],
    different: [
      'kubectl auth can-i delete deployments -n learn-lab',
      'kubectl auth can-i create pods -n learn-lab',
      'kubectl auth can-i create deployments',
    ],
  },
  'top pod': {
    expect: 'kubectl top pod -n learn-lab',
    allow: ['--containers'],
    same: ['kubectl top pods -n learn-lab', 'kubectl top po --namespace=learn-lab --containers'],
    different: ['kubectl top node', 'kubectl top pod -A'],
  },
  'top node': {
    expect: 'kubectl top node',
    same: ['kubectl top nodes', 'kubectl top no'],
    different: ['kubectl top pod', 'kubectl top node worker-1'],
  },
};

describe('the reader, verb by verb', () => {
  for (const [verb, row] of Object.entries(TABLE)) {
    describe(verb, () => {
      it('reads the expected command', () => {
        expect(readCommand(row.expect).ok).toBe(true);
      });
      it.each(row.same)('reads %s the same', (answer) => {
        expect(judgeCommand([row.expect], row.allow ?? [], answer)).toEqual({ right: true, feedback: [] });
      });
      it.each(row.different)('reads %s differently, and says how', (answer) => {
        const j = judgeCommand([row.expect], row.allow ?? [], answer);
        expect(j.right).toBe(false);
        expect(j.feedback.length).toBeGreaterThan(0);
      });
    });
  }
});

describe('what the reader finds in a command', () => {
  const read = (line: string): Reading => {
    const r = readCommand(line);
    if (!r.ok) throw new Error(r.problem.message);
    return r.reading;
  };

  it('the command words, targets, values, and the words after --', () => {
    const r = read('k exec -it deploy/web -c app -- sh -c "ls -l"');
    expect(r.program).toBe('k');
    expect(r.command.path).toBe('exec');
    expect(r.targets.map((t) => [t.type.name, t.typeText, t.name])).toEqual([['deployments', 'deploy', 'web']]);
    expect(r.afterDash).toEqual(['sh', '-c', 'ls -l']);
    expect(r.flags.map((f) => [f.spec.name, f.value])).toEqual([
      ['stdin', 'true'],
      ['tty', 'true'],
      ['container', 'app'],
    ]);
  });

  it('several types and names: get pods,svc and get pods a b', () => {
    expect(read('kubectl get pods,svc').targets.map((t) => t.type.name)).toEqual(['pods', 'services']);
    expect(read('kubectl get pods a b').targets.map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('a global flag before the command, and one whose value looks like a command', () => {
    expect(read('kubectl --context get get pods').command.path).toBe('get');
    expect(read('kubectl -n logs logs web').targets[0]!.name).toBe('web');
  });

  it('--flag_name as --flag-name, as kubectl normalises it', () => {
    expect(read('kubectl get pods --all_namespaces').flags[0]!.spec.name).toBe('all-namespaces');
  });
});

describe('what the reader rejects, in one line', () => {
  const problem = (line: string) => {
    const r = readCommand(line);
    return r.ok ? undefined : r.problem.message;
  };

  it.each([
    ['', 'the command is empty'],
    ['kubectl', 'the command is missing after `kubectl`'],
    ['kubectl rollout deployment/x', 'unknown `rollout` command `deployment/x`'],
    ['kubectl config', '`config` needs one of: `get-contexts`, `current-context`, `use-context`, `view`, `set-context`'],
    ['kubectl get pods -n', '`-n` needs a value'],
    ['kubectl get pods --namespace', '`--namespace` needs a value'],
    // Named as typed, as kubectl's errors do, though _ reads as - to find the flag.
    ['kubectl get pods --name_space', 'unknown flag `--name_space` (did you mean `--namespace`?)'],
    ['kubectl get pods --__proto__', 'unknown flag `--__proto__`'],
    ['kubectl get pods --field_selector', '`--field_selector` needs a value'],
    ['kubectl get pods -x', 'unknown flag `-x`'],
    ['kubectl get pods -iw', 'unknown flag `-i` in `-iw`'],
    ['kubectl logs web -it', 'unknown flag `-i` in `-it`'],
    ['helm list', 'start the command with `kubectl`, not `helm`'],
    ['kubectl get pods "web', 'the quote `"` is not closed'],
    ['kubectl get pods; kubectl get svc', '`;` runs a second command; give just one kubectl command'],
    ['kubectl logs web > log.txt', '`>` redirects input or output; give just one kubectl command'],
  ])('%j: %s', (line, message) => {
    expect(problem(line)).toBe(message);
  });
});

describe('commands that act on objects need to be told which', () => {
  it.each([
    ['kubectl get', '`kubectl get` needs a resource type, such as `pods`'],
    ['kubectl describe -n learn-lab', '`kubectl describe` needs a resource type'],
    ['kubectl rollout status', '`kubectl rollout status` needs a resource type'],
  ])('%s: %s', (line, message) => {
    const r = readCommand(line);
    expect(r.ok ? undefined : r.problem.message).toBe(message);
  });

  it.each(['kubectl delete -f pod.yaml', "kubectl get --raw='/readyz?verbose'", 'kubectl apply -k overlays/lab'])(
    '%s names them another way',
    (line) => {
      expect(readCommand(line).ok).toBe(true);
    },
  );
});
