/**
 * The only module that talks to the Go side. Everything else imports from
 * here, so tests can replace this module with vi.mock('./').
 */
import { backend } from '@wails/go/models';
import { ApiError, call } from './errors';
import type {
  AboutInfo,
  History,
  PeriodRequest,
  Preset,
  Profile,
  ProfilesState,
  ProfileView,
  Report,
  ReportDiff,
  ServerInfo,
  SessionInfo,
  SourceInfo,
  StoredEntry,
  StoredReport,
  ThemeSetting,
  UserSummary,
} from './models';
import type { ExportFormat } from './period';
import * as AboutService from '@wails/go/app/AboutService';
import * as AuthService from '@wails/go/app/AuthService';
import * as DatabaseService from '@wails/go/app/DatabaseService';
import * as ExportService from '@wails/go/app/ExportService';
import * as HistoryService from '@wails/go/app/HistoryService';
import * as ProfileService from '@wails/go/app/ProfileService';
import * as ReportService from '@wails/go/app/ReportService';
import * as SettingsService from '@wails/go/app/SettingsService';

export * from './models';
export type { ExportFormat } from './period';

/** A MongoDB profile's `account` that asks for the whole team's usage. */
export const EVERYONE = '*';
/** The `username` of the everyone report (whose `user_id` is ""). */
export const EVERYONE_USERNAME = 'Everyone';

export { ApiError, ERROR_CODES, toApiError, type ErrorCode } from './errors';
export * from './glance';
export * from './prices';
export { EVENTS } from './events';
export { probeEnabled, probeRendered, type RenderedMetric, type RenderState } from './renderProbe';

/** Exactly the four fields the backend reads. */
const periodArg = ({ preset, from, to, utc }: PeriodRequest) => backend.PeriodRequest.createFrom({ preset, from, to, utc: utc === true });
/** The generated class of a profile, which the bindings take. */
const profileArg = (p: Profile) => backend.Profile.createFrom(p);

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
  const path = await call(() => ExportService.Export(backend.Report.createFrom(report), format));
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
  return call(() => ProfileService.Save(profileArg(p)));
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

/**
 * Connects with a (possibly unsaved) MongoDB profile's settings. A URI without
 * a password uses the one stored for the saved profile with the same id.
 */
export function testConnection(p: Profile): Promise<ServerInfo> {
  return call(() => DatabaseService.TestConnection(profileArg(p)));
}

/** The platform's users, sorted by username, for a (possibly unsaved) MongoDB profile. */
export async function listUsers(p: Profile): Promise<UserSummary[]> {
  const users = await call(() => DatabaseService.ListUsers(profileArg(p)));
  return Array.isArray(users) ? users : [];
}

// ---------------------------------------------------------------------------
// Stored reports (the history kept on disk by the backend).

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
