import { useCallback, useEffect, useState } from 'react';
import { fetchSettings, saveSettings, toApiError, type Settings } from '../api';
import { hasPriceErrors } from '../utils/priceForm';
import { budgetError, formFromSettings, settingsFromForm, type SettingsForm } from '../utils/settings';

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
  /** Why the last save was refused. */
  serverError?: string;
  saving: boolean;
  /** Validates and saves; resolves with what was saved, or undefined. */
  save: () => Promise<Settings | undefined>;
}

/**
 * The settings dialog's form: loaded each time the dialog opens, with the
 * budget of `profileId` and a prices entry for each of `unpricedModels`;
 * save() checks it and stores it with saveSettings.
 */
export function useSettingsForm(open: boolean, profileId?: string, unpricedModels: readonly string[] = []): SettingsFormState {
  // A new array each render must not reload the form: depend on its content.
  const unpricedKey = unpricedModels.join('\n');
  const [base, setBase] = useState<Settings>();
  const [form, setForm] = useState<SettingsForm>();
  const [loadError, setLoadError] = useState<string>();
  const [nonce, setNonce] = useState(0);
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    setBase(undefined);
    setForm(undefined);
    setLoadError(undefined);
    setServerError(undefined);
    setChecked(false);
    fetchSettings().then(
      (s) => {
        if (!alive) return;
        setBase(s);
        setForm(formFromSettings(s, profileId, unpricedKey ? unpricedKey.split('\n') : []));
      },
      (err: unknown) => {
        if (alive) setLoadError(toApiError(err).message);
      },
    );
    return () => {
      alive = false;
    };
  }, [open, profileId, unpricedKey, nonce]);

  const set = useCallback(<K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setServerError(undefined);
  }, []);

  const budgetProblem = form && profileId ? budgetError(form.budget) : undefined;
  const priceProblem = !!form && hasPriceErrors(form.prices);

  const save = useCallback(async () => {
    setChecked(true);
    if (!base || !form || budgetProblem || priceProblem) return undefined;
    setSaving(true);
    setServerError(undefined);
    try {
      return await saveSettings(settingsFromForm(base, form, profileId));
    } catch (err) {
      setServerError(toApiError(err).message);
      return undefined;
    } finally {
      setSaving(false);
    }
  }, [base, form, budgetProblem, priceProblem, profileId]);

  return {
    form,
    set,
    loading: open && !form && !loadError,
    loadError,
    retry: () => setNonce((n) => n + 1),
    budgetError: checked ? budgetProblem : undefined,
    showPriceErrors: checked,
    serverError,
    saving,
    save,
  };
}
