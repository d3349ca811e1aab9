/**
 * The only module that talks to the Go side. Everything else imports from
 * here, so tests can replace this module with vi.mock('./').
 */
import { app, backend } from '@wails/go/models';
import { ApiError, call } from './errors';
import type { ExportFormat, PeriodRequest } from './period';
import type { History, ReportDiff, StoredEntry, StoredReport } from './stored';
import * as AboutService from '@wails/go/app/AboutService';
import * as AuthService from '@wails/go/app/AuthService';
import * as DatabaseService from '@wails/go/app/DatabaseService';
import * as ExportService from '@wails/go/app/ExportService';
import * as HistoryService from '@wails/go/app/HistoryService';
import * as ProfileService from '@wails/go/app/ProfileService';
import * as RenderProbe from '@wails/go/app/RenderProbe';
import * as ReportService from '@wails/go/app/ReportService';
import * as SettingsService from '@wails/go/app/SettingsService';

export type Report = backend.Report;
export type Preset = backend.Preset;
export type SourceInfo = backend.SourceInfo;
/** One line of a breakdown: a day, model, workflow, instance, mode or user. */
export type UsageRow = backend.UsageRow;
export type Breakdowns = backend.Breakdowns;
export type { ExportFormat, PeriodRequest } from './period';
export type ThemeSetting = 'system' | 'light' | 'dark';
/**
 * What the window shows, for the end-to-end test: a dashboard state, the
 * connect screen, or the sign-in dialog with its password field focused.
 */
export type RenderState = 'report' | 'empty' | 'error' | 'connect' | 'signin';

// Profiles. These mirror backend.Profile, backend.SessionInfo,
// app.ProfileView and app.ProfilesState (wailsjs/go/models.ts) as plain
// shapes, so components and tests need no generated classes.

export type ProfileKind = 'platform' | 'mongodb';

/** A MongoDB profile's `account` that asks for the whole team's usage. */
export const EVERYONE = '*';
/** The `username` of the everyone report (whose `user_id` is ""). */
export const EVERYONE_USERNAME = 'Everyone';

/** One saved connection. Never holds a password. */
export interface Profile {
  id: string;
  name: string;
  /** "platform" | "mongodb" */
  kind: string;
  base_url?: string;
  login?: string;
  allow_insecure_http?: boolean;
  /** Without its password when it comes from the backend. */
  mongo_uri?: string;
  database?: string;
  account?: string;
  demo?: boolean;
}

/** A platform sign-in, without its token. */
export interface SessionInfo {
  signed_in: boolean;
  user_id: string;
  username: string;
  expires_at?: string | null;
  expired: boolean;
}

export interface ProfileView {
  profile: Profile;
  session: SessionInfo;
  /** A MongoDB profile has a database password in the keychain. */
  has_password: boolean;
  /** Plain HTTP to a host that is not this machine. */
  insecure: boolean;
}

export interface ProfilesState {
  profiles: ProfileView[];
  active_id: string;
  /** "keychain" | "file" */
  secret_storage: string;
  secret_warning: string;
  demo_login: string;
  demo_password: string;
}

export { ApiError, ERROR_CODES, toApiError, type ErrorCode } from './errors';
export * from './glance';

/** Exactly the four fields the backend reads. */
const periodArg = ({ preset, from, to, utc }: PeriodRequest): PeriodRequest => ({ preset, from, to, utc: utc === true });

/** Fetches the active profile's report for the period `req`. */
export function fetchReport(req: PeriodRequest): Promise<Report> {
  return call(() => ReportService.Fetch(periodArg(req)));
}

/**
 * The newest stored report of the active profile for the period `req`.
 * Rejects with "not_found" when none is stored.
 */
export async function fetchStoredReport(req: PeriodRequest): Promise<StoredReport> {
  const s = await call(() => ReportService.Stored(periodArg(req)));
  return normaliseStored(s);
}

/**
 * Saves `report` as CSV or JSON through the native save dialog. Resolves to
 * the saved file's path, or "" when the user cancelled.
 */
export async function exportReport(report: Report, format: ExportFormat): Promise<string> {
  const path = await call(() => ExportService.Export(report, format));
  return typeof path === 'string' ? path : '';
}

export function fetchPresets(): Promise<Preset[]> {
  return call(() => ReportService.Presets());
}

export function fetchSource(): Promise<SourceInfo> {
  return call(() => ReportService.Source());
}

export async function fetchTheme(): Promise<ThemeSetting> {
  const t = await call(() => SettingsService.Theme());
  return t === 'light' || t === 'dark' ? t : 'system';
}

export async function probeEnabled(): Promise<boolean> {
  try {
    return (await RenderProbe.Enabled()) === true;
  } catch {
    return false;
  }
}

export interface RenderedMetric {
  id: string;
  text: string;
  exact: string;
}

export function probeRendered(state: RenderState, metrics: RenderedMetric[]): Promise<void> {
  return call(() =>
    RenderProbe.Rendered(
      state,
      metrics.map((m) => app.RenderedMetric.createFrom(m)),
    ),
  );
}

// ---------------------------------------------------------------------------
// Profiles and sign-in.

const SIGNED_OUT: SessionInfo = { signed_in: false, user_id: '', username: '', expires_at: null, expired: false };

function normaliseView(v: Partial<ProfileView> | null | undefined): ProfileView | undefined {
  if (!v || !v.profile) return undefined;
  return {
    profile: v.profile,
    session: { ...SIGNED_OUT, ...(v.session ?? {}) },
    has_password: v.has_password === true,
    insecure: v.insecure === true,
  };
}

/** The saved profiles, which one is active and where secrets are kept. */
export async function fetchProfiles(): Promise<ProfilesState> {
  const s: Partial<ProfilesState> | null = await call(() => ProfileService.State());
  return {
    profiles: (s?.profiles ?? []).map(normaliseView).filter((v): v is ProfileView => v !== undefined),
    active_id: s?.active_id ?? '',
    secret_storage: s?.secret_storage ?? '',
    secret_warning: s?.secret_warning ?? '',
    demo_login: s?.demo_login ?? '',
    demo_password: s?.demo_password ?? '',
  };
}

/**
 * Adds (id "") or replaces a profile. A MongoDB URI may carry a password: the
 * backend moves it to the keychain and returns the URI without it.
 */
export function saveProfile(p: Profile): Promise<Profile> {
  return call(() => ProfileService.Save(p));
}

export function deleteProfile(id: string): Promise<void> {
  return call(() => ProfileService.Delete(id));
}

/** Makes a profile the one ReportService.Fetch reads. */
export function activateProfile(id: string): Promise<void> {
  return call(() => ProfileService.Activate(id));
}

/** Signs in to a platform profile; the password goes no further than this call. */
export function signIn(profileId: string, password: string): Promise<SessionInfo> {
  return call(() => AuthService.SignIn(profileId, password));
}

export function signOut(profileId: string): Promise<void> {
  return call(() => AuthService.SignOut(profileId));
}

// ---------------------------------------------------------------------------
// MongoDB connection test and user list (for the profile form).

/** What answered a connection test. */
export interface ServerInfo {
  /** "7.0.77 (FerretDB v1.24.2)" */
  version: string;
  database: string;
  /** The database has the platform's users and logs collections. */
  platform_schema: boolean;
  users: number;
  /** An estimate; -1 when the server could not say quickly. */
  logs: number;
}

/** A platform user as the user picker lists them. */
export interface UserSummary {
  id: string;
  username: string;
  email: string;
  full_name: string;
  is_active: boolean;
}

/**
 * Connects with a (possibly unsaved) MongoDB profile's settings. A URI without
 * a password uses the one stored for the saved profile with the same id.
 */
export function testConnection(p: Profile): Promise<ServerInfo> {
  return call(() => DatabaseService.TestConnection(p));
}

/** The platform's users, sorted by username, for a (possibly unsaved) MongoDB profile. */
export async function listUsers(p: Profile): Promise<UserSummary[]> {
  const users = await call(() => DatabaseService.ListUsers(p));
  return Array.isArray(users) ? users : [];
}

// ---------------------------------------------------------------------------
// Stored reports (the history kept on disk by the backend).

export type Period = backend.Period;
export type { History, HistoryWarning, ReportDiff, StoredEntry, StoredReport } from './stored';

function normaliseStored(s: { report?: Report; entry?: StoredEntry } | null | undefined): StoredReport {
  if (!s?.report || !s.entry) throw new ApiError('not_found', 'No stored report.');
  return { report: s.report, entry: s.entry };
}

/** The stored reports of one profile, or of all with profileId "". */
export async function listHistory(profileId: string): Promise<History> {
  const h: Partial<History> | null = await call(() => HistoryService.List(profileId));
  return {
    entries: Array.isArray(h?.entries) ? h.entries.filter((e) => e && e.id) : [],
    warnings: Array.isArray(h?.warnings) ? h.warnings.filter(Boolean) : [],
  };
}

export async function getStoredReport(id: string): Promise<StoredReport> {
  return normaliseStored(await call(() => HistoryService.Get(id)));
}

export function deleteStoredReport(id: string): Promise<void> {
  return call(() => HistoryService.Delete(id));
}

/** Compares two stored reports; the deltas are to − from. */
export function compareStoredReports(fromId: string, toId: string): Promise<ReportDiff> {
  return call(() => HistoryService.Compare(fromId, toId));
}

// ---------------------------------------------------------------------------
// About.

/** The app's version and where it keeps its files (mirrors app.AboutInfo). */
export interface AboutInfo {
  version: string;
  go_version: string;
  platform: string;
  /** Settings and connections. */
  config_dir: string;
  /** The report history. */
  data_dir: string;
  /** The alert state. */
  state_dir: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The app's version, platform and file locations; missing fields come back as "". */
export async function fetchAbout(): Promise<AboutInfo> {
  const a: Partial<Record<keyof AboutInfo, unknown>> | null = await call(() => AboutService.About());
  return {
    version: str(a?.version),
    go_version: str(a?.go_version),
    platform: str(a?.platform),
    config_dir: str(a?.config_dir),
    data_dir: str(a?.data_dir),
    state_dir: str(a?.state_dir),
  };
}
