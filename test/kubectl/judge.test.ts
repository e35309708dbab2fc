/** The feedback lines: what differs, in plain words, one line each. */
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../src/kubectl/judge.js';

const LIST = ['kubectl get pods -n learn-lab -l app=web'];
const feedback = (expect: string[], answer: string, allow: string[] = []) => judgeCommand(expect, allow, answer).feedback;

describe('feedback on a wrong command', () => {
  it('the lines issue 15 asks for', () => {
    expect(feedback(LIST, 'kubectl get pods -l app=web')).toEqual(['the namespace is missing: add `-n learn-lab`']);
    expect(feedback(LIST, 'kubectl get pods -n app=web')).toEqual(['`-n` sets the namespace; to select by label use `-l`']);
    expect(feedback(LIST, 'kubectl describe pods -n learn-lab -l app=web')).toEqual([
      "`describe` shows one object's details and events; this question asks to list",
    ]);
    expect(feedback(LIST, 'kubectl get pods --namspace learn-lab -l app=web')).toEqual([
      'unknown flag `--namspace` (did you mean `--namespace`?)',
    ]);
    expect(feedback(LIST, 'kubectl get pod web -n learn-lab -l app=web')).toEqual([
      '`kubectl get pod web` names one Pod; the question asks for all Pods with a label',
    ]);
  });

  it('a name where all objects are asked for, without a selector in the question', () => {
    expect(feedback(['kubectl get pods'], 'k get po web db')).toEqual(['`k get po web db` names 2 Pods; the question asks for all Pods']);
  });

  it('a different type, name, value or flag value', () => {
    expect(feedback(LIST, 'kubectl get svc -n learn-lab -l app=web')).toEqual(['`svc` means Services; this question is about Pods']);
    expect(feedback(['kubectl describe pod web'], 'kubectl describe pod db')).toEqual(['the name should be `web`, not `db`']);
    expect(feedback(['kubectl describe pod web'], 'kubectl describe pod')).toEqual(['the name is missing: add `web`']);
    expect(feedback(LIST, 'kubectl get pods -n other -l app=web')).toEqual(['the namespace should be `learn-lab`, not `other`']);
    expect(feedback(LIST, 'kubectl get pods -n learn-lab -l app=db')).toEqual(['the label selector should be `app=web`, not `app=db`']);
    expect(feedback(['kubectl logs web -c sidecar'], 'kubectl logs web -c main')).toEqual([
      '`--container` should be `sidecar`, not `main`',
    ]);
    expect(feedback(['kubectl label pod web tier=fe'], 'kubectl label pod web tier=be')).toEqual([
      'the argument `tier=fe` is missing',
      '`tier=be` is not needed here: leave it out',
    ]);
  });

  it('a flag too many, and a flag that is allowed', () => {
    expect(feedback(LIST, 'kubectl get pods -n learn-lab -l app=web -o wide')).toEqual(['`-o wide` is not needed here: leave it out']);
    expect(judgeCommand(LIST, ['-o'], 'kubectl get pods -n learn-lab -l app=web -o wide').right).toBe(true);
    expect(feedback(['kubectl logs web'], 'kubectl logs web -n other', ['-f'])).toEqual([
      'this question uses the current namespace: leave out `-n other`',
    ]);
    expect(feedback(['kubectl logs web -p'], 'kubectl logs web')).toEqual(['`--previous` is missing: add `-p`']);
  });

  it('the command to run in a container', () => {
    const exec = ['kubectl exec -it web -- sh'];
    expect(feedback(exec, 'kubectl exec -it web sh')).toEqual(['put `--` before the command to run in the container']);
    expect(feedback(exec, 'kubectl exec -it web -- bash')).toEqual(['the command to run should be `sh`, not `bash`']);
    expect(feedback(exec, 'kubectl exec -it web')).toEqual(['the command to run is missing: add `-- sh`']);
    expect(feedback(exec, 'kubectl exec -it web --')).toEqual(['the command to run is missing: add `-- sh`']);
  });

  it('more than one kubectl command, or not kubectl at all', () => {
    expect(feedback(LIST, 'kubectl get pods -n learn-lab | grep web')).toEqual([
      'a pipe `|` sends the output to another program; give just one kubectl command',
    ]);
    expect(feedback(LIST, 'kubectl get pods -n learn-lab && echo ok')).toEqual([
      '`&&` runs a second command; give just one kubectl command',
    ]);
    expect(feedback(LIST, 'kubectl logs $(kubectl get pods -o name)')).toEqual([
      '`$(` runs another command inside this one; give just one kubectl command',
    ]);
    expect(feedback(LIST, 'docker ps')).toEqual(['start the command with `kubectl`, not `docker`']);
  });

  it('typos in commands and types, with the likely word', () => {
    expect(feedback(LIST, 'kubectl gte pods')).toEqual(['unknown command `gte` (did you mean `get`?)']);
    expect(feedback(LIST, 'kubectl get pdos')).toEqual(['unknown resource type `pdos` (did you mean `pods`?)']);
    expect(feedback(['kubectl rollout status deployment/web'], 'kubectl rollout stauts deployment/web')).toEqual([
      'unknown `rollout` command `stauts` (did you mean `status`?)',
    ]);
  });

  it('at most three lines, however much differs', () => {
    const lines = feedback(['kubectl logs web -c sidecar -p --timestamps -n learn-lab'], 'kubectl logs db');
    expect(lines).toHaveLength(3);
  });

  it('several expected commands: right if any matches, else the nearest one explains', () => {
    const two = ['kubectl get pods -n learn-lab', 'kubectl get pods --all-namespaces'];
    expect(judgeCommand(two, [], 'kubectl get po -A').right).toBe(true);
    expect(feedback(two, 'kubectl get pods -n default')).toEqual(['the namespace should be `learn-lab`, not `default`']);
  });
});

describe('hints in reading problems', () => {
  it('the other case of a one-letter flag, a file given without -f, a TYPE/ without a name', () => {
    expect(feedback(['kubectl get pods -A'], 'kubectl get pods -a')).toEqual(['unknown flag `-a` (did you mean `-A`?)']);
    expect(feedback(['kubectl apply -f pod.yaml'], 'kubectl apply pod.yaml')).toEqual([
      '`pod.yaml` is not expected here: give a file with `-f pod.yaml`',
    ]);
    expect(feedback(['kubectl cluster-info'], 'kubectl cluster-info now')).toEqual([
      '`now` is not expected here: `kubectl cluster-info` takes no names',
    ]);
    expect(feedback(['kubectl get pod web'], 'kubectl get pod/')).toEqual(['`pod/` needs a name after the `/`']);
  });
});

describe('feedback stays on one line', () => {
  it('escapes a control character the learner typed inside quotes', () => {
    expect(feedback(LIST, "kubectl 'a\nb'")).toEqual(['unknown command `a\\u000ab`']);
    expect(feedback(LIST, "kubectl get pods -n 'x\ty' -l app=web")).toEqual(['the namespace should be `learn-lab`, not `x\\u0009y`']);
  });
});
