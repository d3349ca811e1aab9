import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../api';
import {
  formatTimeLeft,
  needsSignIn,
  profileAccount,
  profileHost,
  serverInfoText,
  sessionEndingSoon,
  sessionEndsText,
  sessionStatusText,
} from './profiles';

const NOW = Date.parse('2025-11-26T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const session = (over: Partial<SessionInfo> = {}): SessionInfo => ({
  signed_in: true,
  user_id: 'u1',
  username: 'demo',
  expires_at: at(6 * 86_400_000),
  expired: false,
  ...over,
});

describe('profiles utils', () => {
  it.each([
    [30_000, 'in under a minute'],
    [12 * 60_000, 'in 12 minutes'],
    [5 * 3_600_000, 'in 5 hours'],
    [86_400_000, 'in 1 day'],
    [6.2 * 86_400_000, 'in 6 days'],
  ])('formatTimeLeft(%d) = %s', (ms, text) => {
    expect(formatTimeLeft(at(ms), NOW)).toBe(text);
  });

  it('describes sessions', () => {
    expect(sessionStatusText(session(), NOW)).toBe('Signed in as demo · ends in 6 days');
    expect(sessionStatusText(session({ expired: true }), NOW)).toBe('Session ended');
    expect(sessionStatusText(session({ expires_at: at(-1000) }), NOW)).toBe('Session ended');
    expect(sessionStatusText(session({ signed_in: false }), NOW)).toBe('Signed out');
    expect(sessionEndsText(session(), NOW)).toBe('Session ends in 6 days');
    expect(sessionEndsText(session({ expired: true }), NOW)).toBe('');
    expect(sessionEndingSoon(session(), NOW)).toBe(false);
    expect(sessionEndingSoon(session({ expires_at: at(3 * 3_600_000) }), NOW)).toBe(true);
  });

  it('knows when a profile needs a password', () => {
    const profile = { id: 'a', name: 'A', kind: 'platform' as const };
    const v = { profile, session: session(), has_password: false, insecure: false };
    expect(needsSignIn(v, NOW)).toBe(false);
    expect(needsSignIn({ ...v, session: session({ expired: true }) }, NOW)).toBe(true);
    expect(needsSignIn({ ...v, profile: { ...profile, kind: 'mongodb' }, session: session({ signed_in: false }) }, NOW)).toBe(false);
    expect(needsSignIn(undefined, NOW)).toBe(false);
  });

  it('shows hosts without credentials', () => {
    expect(profileHost({ id: '', name: '', kind: 'platform', base_url: 'https://agents.example.com/api' })).toBe('agents.example.com');
    expect(
      profileHost({ id: '', name: '', kind: 'mongodb', mongo_uri: 'mongodb://reader@db1:27017,db2:27017/?replicaSet=rs', database: 'cw' }),
    ).toBe('db1:27017,db2:27017 / cw');
    expect(profileHost({ id: '', name: '', kind: 'mongodb', mongo_uri: 'mongodb+srv://u:p@cluster.example.net' })).toBe('cluster.example.net');
  });

  it('describes a connection test', () => {
    const info = { version: '7.0.77 (FerretDB v1.24.2)', database: 'claude_workflows', platform_schema: true, users: 4, logs: 3994 };
    expect(serverInfoText(info)).toBe(
      'Connected: MongoDB 7.0.77 (FerretDB v1.24.2) · claude_workflows · 4 users · 3,994 logs',
    );
    expect(serverInfoText({ ...info, users: 1, logs: -1 })).toBe(
      'Connected: MongoDB 7.0.77 (FerretDB v1.24.2) · claude_workflows · 1 user',
    );
    expect(serverInfoText({ ...info, version: '', logs: 1 })).toBe('Connected: MongoDB · claude_workflows · 4 users · 1 log');
  });

  it('shows the everyone account as such', () => {
    expect(profileAccount({ id: '', name: '', kind: 'mongodb', account: '*' })).toBe('Everyone (team totals)');
    expect(profileAccount({ id: '', name: '', kind: 'mongodb', account: ' alice ' })).toBe('alice');
    expect(profileAccount({ id: '', name: '', kind: 'platform', login: '*' })).toBe('*');
  });
});
