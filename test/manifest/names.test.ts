import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  imageReference,
  labelValue,
  portName,
  portNumber,
  qualifiedName,
} from '../../src/manifest/names.js';

describe('name formats, as the API server checks them', () => {
  it('DNS-1123 labels: lowercase alphanumerics and "-", alphanumeric at both ends, at most 63; a leading digit is fine', () => {
    for (const ok of ['web', 'a', '123-abc', 'web-1', 'a'.repeat(63)]) expect(dns1123Label(ok)).toBeUndefined();
    expect(dns1123Label('a'.repeat(64))).toMatch(/at most 63/);
    expect(dns1123Label('Web')).toBe('must be lowercase');
    expect(dns1123Label('my_app')).toMatch(/"_"/);
    expect(dns1123Label('web.1')).toMatch(/"\."/);
    expect(dns1123Label('-web')).toMatch(/start and end/);
    expect(dns1123Label('web-')).toMatch(/start and end/);
  });

  it('DNS-1123 subdomains: dots allowed between labels, at most 253', () => {
    for (const ok of ['web', 'web.example.com', '1.2.3']) expect(dns1123Subdomain(ok)).toBeUndefined();
    expect(dns1123Subdomain('web..x')).toMatch(/each part/);
    expect(dns1123Subdomain('web.-x')).toMatch(/each part/);
    expect(dns1123Subdomain('a'.repeat(254))).toMatch(/at most 253/);
  });

  it('DNS-1035 labels start with a letter', () => {
    expect(dns1035Label('web')).toBeUndefined();
    expect(dns1035Label('1web')).toBe('must start with a letter');
  });

  it('IANA_SVC_NAME port names', () => {
    for (const ok of ['http', 'h2c', 'web-8080', 'a'.repeat(15)]) expect(portName(ok)).toBeUndefined();
    expect(portName('a'.repeat(16))).toMatch(/at most 15/);
    expect(portName('8080')).toBe('must contain at least one letter');
    expect(portName('my--port')).toBe('may not contain "--"');
    expect(portName('-http')).toMatch(/start or end/);
    expect(portName('my_port')).toMatch(/only lowercase/);
  });

  it('port numbers are 1 to 65535', () => {
    expect(portNumber(1)).toBeUndefined();
    expect(portNumber(65535)).toBeUndefined();
    for (const bad of [0, -1, 65536, 80.5]) expect(portNumber(bad)).toBeDefined();
  });

  it('label keys [prefix/]name and values', () => {
    for (const ok of ['app', 'app.kubernetes.io/name', 'a_b.c-d', 'example.com/x']) expect(qualifiedName(ok)).toBeUndefined();
    expect(qualifiedName('a/b/c')).toMatch(/at most one "\/"/);
    expect(qualifiedName('/x')).toMatch(/prefix/);
    expect(qualifiedName('Example.com/x')).toMatch(/prefix/);
    expect(qualifiedName('x/')).toMatch(/name must not be empty/);
    expect(qualifiedName('_x')).toMatch(/start and end/);
    for (const ok of ['', 'web', 'v1.2_3-x', 'A'.repeat(63)]) expect(labelValue(ok)).toBeUndefined();
    expect(labelValue('A'.repeat(64))).toMatch(/at most 63/);
    expect(labelValue('front end')).toBeDefined();
  });

  it('image references', () => {
    for (const ok of [
      'nginx',
      'nginx:1.27',
      'library/nginx:1.27-alpine',
      'registry.k8s.io/pause:3.10',
      'localhost:5000/app:dev',
      `nginx@sha256:${'a'.repeat(64)}`,
      `ghcr.io/o/app:v1@sha256:${'0'.repeat(64)}`,
    ]) {
      expect(imageReference(ok), ok).toBeUndefined();
    }
    expect(imageReference('Nginx')).toMatch(/lowercase/);
    expect(imageReference('nginx:-bad')).toMatch(/tag/);
    expect(imageReference('nginx@sha256:abc')).toMatch(/64/);
    expect(imageReference('nginx:1.27 ')).toMatch(/tag/);
  });

  it('every string the label regex accepts passes, and the checks never throw', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/), (name) => dns1123Label(name) === undefined));
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const f of [dns1123Label, dns1123Subdomain, dns1035Label, portName, qualifiedName, labelValue, imageReference]) f(s);
        return true;
      }),
    );
  });
});
