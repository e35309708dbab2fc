/**
 * Step 3, for Services: the port rules the API server enforces
 * (pkg/apis/core/validation/validation.go validateServicePort): `port` from 1
 * to 65535, `targetPort` a port number or a port name (IANA_SVC_NAME).
 */
import type { Node } from 'yaml';
import { portName, portNumber } from './names.js';
import type { Tree } from './nodes.js';
import { quote } from './problem.js';
import type { Reporter } from './report.js';

export function checkServicePorts(tree: Tree, root: Node, report: Reporter): void {
  tree.items(tree.get(tree.get(root, 'spec'), 'ports')).forEach((port, i) => {
    const path = ['spec', 'ports', i];
    const portNode = tree.get(port, 'port');
    const value = tree.scalar(portNode);
    if (typeof value === 'number' && Number.isInteger(value)) {
      const bad = portNumber(value);
      if (bad) report.at(portNode, [...path, 'port'], bad);
    }
    const targetNode = tree.get(port, 'targetPort');
    const target = tree.scalar(targetNode);
    if (typeof target === 'number' && Number.isInteger(target)) {
      const bad = portNumber(target);
      if (bad) report.at(targetNode, [...path, 'targetPort'], bad);
    } else if (typeof target === 'string') {
      const bad = target === '' ? 'must not be empty' : portName(target);
      if (bad)
        report.at(targetNode, [...path, 'targetPort'], `port name ${quote(target)} ${bad}`, {
          hint: 'targetPort is the number of the container port, or the name of one of its ports',
        });
    }
  });
}
