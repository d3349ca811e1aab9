import { useEffect, useRef, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import type { Settings } from '../../api';
import { usePriceTable } from '../../hooks/usePriceTable';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import { BudgetSettings } from './BudgetSettings';
import { PriceSettings } from './PriceSettings';
import { RefreshSettings } from './RefreshSettings';
import { TraySettings } from './TraySettings';

export interface SettingsDialogProps {
  open: boolean;
  /** The active profile, whose budget the dialog edits; without it there is no budget section. */
  profile?: { id: string; name: string };
  onClose: () => void;
  onSaved: (saved: Settings) => void;
  /** Open at this section ("prices": scrolled to and focused, e.g. from "Set prices…"). */
  section?: 'prices';
  /** The current report's models without a known price (report.pricing.unpriced_models), offered for pricing. */
  unpricedModels?: readonly string[];
}

/** The settings: the active profile's budget, the tray, the refresh interval and prices for unknown models. */
export function SettingsDialog({ open, profile, onClose, onSaved, section, unpricedModels }: SettingsDialogProps) {
  const s = useSettingsForm(open, profile?.id, unpricedModels);
  const { form, set } = s;
  const disabled = s.saving;
  const priceTable = usePriceTable(open);
  const pricesRef = useRef<HTMLDivElement>(null);
  const loaded = !!form;

  useEffect(() => {
    if (!open || !loaded || section !== 'prices') return;
    const el = pricesRef.current;
    el?.scrollIntoView?.({ block: 'start' });
    el?.querySelector<HTMLElement>('#settings-prices-title')?.focus();
  }, [open, loaded, section]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await s.save();
    if (saved) onSaved(saved);
  }

  let content;
  if (s.loadError) {
    content = (
      <Alert
        severity="error"
        role="alert"
        action={
          <Button color="inherit" size="small" onClick={s.retry}>
            Retry
          </Button>
        }
      >
        {s.loadError}
      </Alert>
    );
  } else if (!form) {
    content = (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label="Loading settings" />
      </Box>
    );
  } else {
    content = (
      <Stack spacing={3} divider={<Divider flexItem />} sx={{ pt: 0.5 }}>
        {profile && (
          <BudgetSettings
            profileName={profile.name}
            budget={form.budget}
            budgetError={s.budgetError}
            onBudgetChange={(v) => set('budget', v)}
            levels={form.alertPercents}
            onLevelsChange={(v) => set('alertPercents', v)}
            disabled={disabled}
          />
        )}
        <TraySettings
          trayShows={form.trayShows}
          onTrayShowsChange={(v) => set('trayShows', v)}
          closeToTray={form.closeToTray}
          onCloseToTrayChange={(v) => set('closeToTray', v)}
          alertsPaused={form.alertsPaused}
          onAlertsPausedChange={(v) => set('alertsPaused', v)}
          disabled={disabled}
        />
        <RefreshSettings minutes={form.refreshMinutes} onChange={(v) => set('refreshMinutes', v)} disabled={disabled} />
        <PriceSettings
          ref={pricesRef}
          entries={form.prices}
          onChange={(v) => set('prices', v)}
          table={priceTable.table}
          tableError={priceTable.error}
          showErrors={s.showPriceErrors}
          disabled={disabled}
          listUrl={form.priceListUrl}
          onListUrlChange={(v) => set('priceListUrl', v)}
          listUrlError={s.priceListUrlError}
          dailyCheck={form.checkPricesDaily}
          onDailyCheckChange={(v) => set('checkPricesDaily', v)}
        />
      </Stack>
    );
  }

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth scroll="paper" aria-labelledby="settings-title">
      <Box component="form" noValidate onSubmit={(e) => void submit(e)} sx={{ display: 'contents' }}>
        <DialogTitle id="settings-title">Settings</DialogTitle>
        <DialogContent dividers>
          {s.serverError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {s.serverError}
            </Alert>
          )}
          {content}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!form || s.saving}>
            {s.saving ? 'Saving…' : 'Save'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
