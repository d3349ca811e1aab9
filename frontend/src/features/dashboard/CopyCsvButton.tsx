import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';

/** How long the confirmation stays, in ms. */
const CONFIRM_MS = 4000;

export interface CopyCsvButtonProps {
  /** Builds the text to copy (called on click). */
  csv: () => string;
  /** What was copied, for the confirmation: "31 days". */
  what: string;
}

/**
 * "Copy as CSV": puts the text on the clipboard and says so (or why not) in a
 * polite live region next to the button.
 */
export function CopyCsvButton({ csv, what }: CopyCsvButtonProps) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(() => setMessage(undefined), CONFIRM_MS);
    return () => window.clearTimeout(t);
  }, [message]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('The clipboard is not available.');
      await navigator.clipboard.writeText(csv());
      setMessage({ ok: true, text: `Copied ${what} as CSV` });
    } catch (err) {
      const reason = err instanceof Error && err.message ? err.message : 'The clipboard refused it.';
      setMessage({ ok: false, text: `Could not copy: ${reason}` });
    }
  };

  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1, minWidth: 0 }}>
      <Typography
        role="status"
        variant="caption"
        color={message?.ok === false ? 'error' : 'text.secondary'}
        noWrap
        sx={{ minWidth: 0 }}
      >
        {message?.text ?? ''}
      </Typography>
      <Button size="small" variant="outlined" startIcon={<ContentCopyOutlined />} onClick={copy} sx={{ flexShrink: 0 }}>
        Copy as CSV
      </Button>
    </Stack>
  );
}
