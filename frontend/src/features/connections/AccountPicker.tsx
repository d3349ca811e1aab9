import { useMemo, useState } from 'react';
import Autocomplete, { type AutocompleteRenderOptionState } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import { EVERYONE, type UserSummary } from '../../api';
import { isEveryoneAccount } from '../../utils/breakdowns';

/** One entry of the picker: Everyone, or a platform user. */
interface AccountOption {
  /** What `account` stores: "*" or the username. */
  value: string;
  /** The input's text once picked: "Everyone (team totals)" or the username. */
  label: string;
  email: string;
  fullName: string;
  inactive: boolean;
}

const EVERYONE_LABEL = 'Everyone (team totals)';

const EVERYONE_OPTION: AccountOption = { value: EVERYONE, label: EVERYONE_LABEL, email: '', fullName: '', inactive: false };

/** Everyone first, then the users in the backend's order (by username). */
function accountOptions(users: readonly UserSummary[] | undefined): AccountOption[] {
  const opts = (users ?? [])
    .filter((u) => (u.username || u.email || '').trim())
    .map((u) => ({
      value: (u.username || u.email).trim(),
      label: (u.username || u.email).trim(),
      email: u.email ?? '',
      fullName: u.full_name ?? '',
      inactive: !u.is_active,
    }));
  return [EVERYONE_OPTION, ...opts];
}

/** Matches the typed text against username, email and full name (Everyone: "everyone", "team", "*"). */
function filterAccountOptions(options: AccountOption[], typed: string): AccountOption[] {
  const q = typed.trim().toLowerCase();
  if (!q) return options;
  return options.filter((o) => {
    const hay = o.value === EVERYONE ? [o.label, EVERYONE] : [o.label, o.email, o.fullName];
    return hay.some((s) => s.toLowerCase().includes(q));
  });
}

const labelOf = (o: AccountOption | string) => (typeof o === 'string' ? o : o.label);

function renderOption(
  { key, ...props }: React.HTMLAttributes<HTMLLIElement> & { key: React.Key },
  o: AccountOption,
  _state: AutocompleteRenderOptionState,
) {
  const everyone = o.value === EVERYONE;
  return (
    <Box component="li" key={key} {...props} sx={{ gap: 1 }}>
      {everyone && <GroupsOutlined fontSize="small" color="primary" aria-hidden />}
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: everyone ? 600 : undefined }}>
          {everyone ? o.label : o.email ? `${o.label} — ${o.email}` : o.label}
        </Typography>
        {o.fullName && (
          <Typography variant="caption" color="text.secondary" noWrap component="p">
            {o.fullName}
          </Typography>
        )}
      </Box>
      {o.inactive && <Chip label="inactive" size="small" variant="outlined" />}
    </Box>
  );
}

export interface AccountPickerProps {
  /** The stored account: a username or email as typed, or "*". */
  value: string;
  onChange: (account: string) => void;
  users?: readonly UserSummary[];
  loading: boolean;
  /** A failure to list the users: typing still works. */
  loadError: string;
  /** A validation error. */
  error?: string;
}

/**
 * "Whose usage" as a searchable list of the platform's users with Everyone
 * first. Free text still works: a typed username or email is kept as typed.
 */
export function AccountPicker({ value, onChange, users, loading, loadError, error }: AccountPickerProps) {
  const options = useMemo(() => accountOptions(users), [users]);
  const [picked, setPicked] = useState<AccountOption | string | null>(() =>
    isEveryoneAccount(value) ? EVERYONE_OPTION : value || null,
  );
  const [text, setText] = useState(() => labelOf(picked ?? ''));

  const help =
    error ||
    (loadError
      ? `Could not list the users (${loadError}) — type a username or email.`
      : 'Pick a user, or Everyone for the team’s totals. You can also type a username or email.');

  return (
    <Autocomplete<AccountOption, false, false, true>
      freeSolo
      options={options}
      loading={loading}
      loadingText="Loading users…"
      value={picked}
      inputValue={text}
      onChange={(_, v) => {
        setPicked(v);
        onChange(v === null ? '' : typeof v === 'string' ? v : v.value);
      }}
      onInputChange={(_, t, reason) => {
        setText(t);
        if (reason === 'input' || reason === 'clear') onChange(t);
      }}
      getOptionLabel={labelOf}
      isOptionEqualToValue={(o, v) => o.value === v.value}
      filterOptions={(opts, state) => filterAccountOptions(opts, state.inputValue)}
      renderOption={renderOption}
      renderInput={(params) => (
        <TextField
          {...params}
          name="account"
          label="Whose usage"
          placeholder="username or email"
          required
          error={!!error}
          helperText={help}
          slotProps={{
            inputLabel: params.InputLabelProps,
            htmlInput: { ...params.inputProps, autoComplete: 'off', spellCheck: false },
            input: {
              ...params.InputProps,
              endAdornment: (
                <>
                  {loading && <CircularProgress color="inherit" size={18} aria-label="Loading users" />}
                  {params.InputProps.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
