import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AlertLevels } from './AlertLevels';

export interface BudgetSettingsProps {
  profileName: string;
  /** The monthly budget as typed. */
  budget: string;
  budgetError?: string;
  onBudgetChange: (text: string) => void;
  levels: number[];
  onLevelsChange: (levels: number[]) => void;
  disabled?: boolean;
}

/** The active profile's monthly budget and its alert levels. */
export function BudgetSettings(props: BudgetSettingsProps) {
  const { profileName, budget, budgetError, onBudgetChange, levels, onLevelsChange, disabled } = props;
  return (
    <Stack component="section" spacing={2} aria-labelledby="settings-budget-title">
      <Typography variant="subtitle1" component="h3" id="settings-budget-title" sx={{ fontWeight: 600 }}>
        Budget for {profileName}
      </Typography>
      <TextField
        label="Monthly budget"
        value={budget}
        onChange={(e) => onBudgetChange(e.target.value)}
        disabled={disabled}
        error={!!budgetError}
        helperText={budgetError ?? 'Leave empty or 0 for no budget.'}
        placeholder="No budget"
        slotProps={{
          htmlInput: { inputMode: 'decimal' },
          input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
        }}
        sx={{ maxWidth: 260 }}
      />
      <AlertLevels levels={levels} onChange={onLevelsChange} disabled={disabled} />
      <Typography variant="body2" color="text.secondary">
        You get one desktop notification when this month’s cost crosses each level.
      </Typography>
    </Stack>
  );
}
