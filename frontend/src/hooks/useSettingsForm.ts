import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSettings, saveSettings, type ApiError, type Settings } from '../api';
import { hasPriceErrors } from '../utils/priceForm';
import { budgetError, formFromSettings, priceListUrlError, settingsFromForm, type SettingsForm } from '../utils/settings';
import { queryKeys } from './queryKeys';

export interface SettingsFormState {
  /** Set once the settings loaded. */
  form?: SettingsForm;
  set: <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => void;
  loading: boolean;
  /** Why the settings could not be loaded. */
  loadError?: string;
  retry: () => void;
  /** The budget's inline error, once the user tried to save. */
  budgetError?: string;
  /** Whether the prices section shows its inline errors (once the user tried to save). */
  showPriceErrors: boolean;
  /** The price list address' inline error, once the user tried to save. */
  priceListUrlError?: string;
  /** Why the last save was refused. */
  serverError?: string;
  saving: boolean;
  /** Validates and saves; resolves with what was saved, or undefined. */
  save: () => Promise<Settings | undefined>;
}

/** The loaded settings a form was made from; a new one starts the form afresh. */
interface FormBase {
  settings: Settings;
  loadedAt: number;
  profileId?: string;
  unpricedKey: string;
}

const sameBase = (a: FormBase | undefined, b: FormBase | undefined) =>
  a?.loadedAt === b?.loadedAt && a?.settings === b?.settings && a?.profileId === b?.profileId && a?.unpricedKey === b?.unpricedKey;

/**
 * The settings dialog's form: the settings read each time the dialog opens
 * (and again when they change while it is open), with the budget of
 * `profileId` and a prices entry for each of `unpricedModels`; save() checks
 * it and stores it with saveSettings.
 */
export function useSettingsForm(open: boolean, profileId?: string, unpricedModels: readonly string[] = []): SettingsFormState {
  // A new array each render must not restart the form: depend on its content.
  const unpricedKey = unpricedModels.join('\n');
  const qc = useQueryClient();
  const loaded = useQuery<Settings, ApiError>({ queryKey: queryKeys.settings, queryFn: fetchSettings, enabled: open });
  const saving = useMutation<Settings, ApiError, Settings>({
    mutationFn: (s) => saveSettings(s),
    onSuccess: (s) => qc.setQueryData(queryKeys.settings, s),
  });
  const ready = open && loaded.data && !loaded.isFetching;
  const base: FormBase | undefined = ready
    ? { settings: loaded.data, loadedAt: loaded.dataUpdatedAt, profileId, unpricedKey }
    : undefined;

  // The form the user edits, made afresh from each newly loaded base.
  const [made, setMade] = useState<{ base?: FormBase; form?: SettingsForm; checked: boolean }>({ checked: false });
  let current = made;
  if (!sameBase(made.base, base)) {
    current = {
      base,
      form: base ? formFromSettings(base.settings, profileId, unpricedKey ? unpricedKey.split('\n') : []) : undefined,
      checked: false,
    };
    setMade(current);
  }
  const { form, checked } = current;

  const { reset: resetSave, mutateAsync } = saving;
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setMade((m) => (m.form ? { ...m, form: { ...m.form, [key]: value } } : m));
    resetSave();
  };

  const budgetProblem = form && profileId ? budgetError(form.budget) : undefined;
  const priceProblem = !!form && hasPriceErrors(form.prices);
  const urlProblem = form ? priceListUrlError(form.priceListUrl) : undefined;
  const settings = current.base?.settings;

  const save = async () => {
    setMade((m) => ({ ...m, checked: true }));
    if (!settings || !form || budgetProblem || priceProblem || urlProblem) return undefined;
    try {
      return await mutateAsync(settingsFromForm(settings, form, profileId));
    } catch {
      return undefined; // the refusal shows as serverError
    }
  };

  return {
    form,
    set,
    loading: open && !form && !loaded.error,
    loadError: open ? loaded.error?.message : undefined,
    retry: () => void loaded.refetch(),
    budgetError: checked ? budgetProblem : undefined,
    showPriceErrors: checked,
    priceListUrlError: checked ? urlProblem : undefined,
    // A refusal belongs to the form it was made from: a newly loaded one starts without it.
    serverError: saving.submittedAt >= (current.base?.loadedAt ?? Infinity) ? saving.error?.message : undefined,
    saving: saving.isPending,
    save,
  };
}
