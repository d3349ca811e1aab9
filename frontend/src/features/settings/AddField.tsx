import { useState, type KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

/** Props of AddField. */
export interface AddFieldProps {
  label: string;
  /** Why the typed text cannot be added, or undefined when it can. */
  validate: (text: string) => string | undefined;
  /** Adds the typed text (once valid); the field is then emptied. */
  onAdd: (text: string) => void;
  disabled?: boolean;
  /** The field's slot props (input mode, adornments). */
  slotProps?: TextFieldProps['slotProps'];
  /** The field's width. */
  sx?: TextFieldProps['sx'];
}

/**
 * A small field with an "Add" button (Enter adds too, without submitting the
 * dialog); why the text cannot be added shows under the field until it changes.
 */
export function AddField({ label, validate, onAdd, disabled, slotProps, sx }: AddFieldProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const add = () => {
    const e = validate(text);
    setError(e);
    if (e) return;
    onAdd(text);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // not the dialog's submit
      add();
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={label}
        size="small"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
        }}
        onKeyDown={onKeyDown}
        error={!!error}
        helperText={error}
        slotProps={slotProps}
        sx={sx}
      />
      <Button onClick={add} disabled={disabled || !text.trim()} sx={{ mt: 0.5 }}>
        Add
      </Button>
    </Stack>
  );
}
