import { describe, expect, it } from 'vitest';
import { hookUrl } from './hookUrl';

describe('hookUrl', () => {
  it('builds {origin}/hooks/{tenant}/{path} without doubled slashes', () => {
    expect(hookUrl('https://rules.example.com', 'acme', '/candidates/new')).toBe('https://rules.example.com/hooks/acme/candidates/new');
    expect(hookUrl('http://127.0.0.1:5000', 'a b', 'x')).toBe('http://127.0.0.1:5000/hooks/a%20b/x');
  });
});
