import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import type { ExportFormat, Report } from '../../api';
import { useExport } from '../../hooks/useExport';
import { isModKey, useKeyShortcut } from '../../hooks/useKeyShortcut';
import { shortcutLabel } from '../../utils/shortcutLabel';

const isExportKey = (e: KeyboardEvent) => isModKey(e, 'e', 'E');

const FORMATS: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'csv', label: 'CSV…', hint: 'For spreadsheets' },
  { format: 'json', label: 'JSON…', hint: 'The whole report' },
];

export interface ExportMenuProps {
  /** The report on screen (live or stored); the button is disabled without one. */
  report?: Report;
}

/**
 * "Export": a menu of CSV and JSON (Ctrl/Cmd+E opens it) that saves the
 * report on screen through the native save dialog, then says where it went
 * (nothing on cancel) or why it failed.
 */
export function ExportMenu({ report }: ExportMenuProps) {
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const { busy, outcome, run, dismiss } = useExport();
  const disabled = !report || busy;
  useKeyShortcut(isExportKey, () => setOpen(true), { enabled: !disabled, ignoreInDialog: true });

  const choose = (format: ExportFormat) => {
    setOpen(false);
    if (report) run(report, format);
  };

  return (
    <>
      <Tooltip title={`Export the report (${shortcutLabel('E')})`}>
        <span>
          <Button
            ref={anchor}
            id="export-button"
            color="inherit"
            size="small"
            startIcon={<FileDownloadOutlined />}
            disabled={disabled}
            onClick={() => setOpen(true)}
            aria-haspopup="menu"
            aria-controls={open ? 'export-menu' : undefined}
            aria-expanded={open ? 'true' : undefined}
            sx={{ ml: 1 }}
          >
            Export
          </Button>
        </span>
      </Tooltip>
      <Menu
        id="export-menu"
        anchorEl={() => anchor.current as HTMLElement}
        open={open && !!report}
        onClose={() => setOpen(false)}
        slotProps={{ list: { 'aria-labelledby': 'export-button', dense: true } }}
      >
        {FORMATS.map((f) => (
          <MenuItem key={f.format} onClick={() => choose(f.format)}>
            <ListItemText primary={f.label} secondary={f.hint} />
          </MenuItem>
        ))}
      </Menu>
      <Snackbar
        open={!!outcome}
        autoHideDuration={outcome?.ok ? 6000 : null}
        onClose={(_, reason) => reason !== 'clickaway' && dismiss()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={outcome?.ok === false ? 'error' : 'success'}
          variant="filled"
          onClose={dismiss}
          sx={{ width: '100%', overflowWrap: 'anywhere' }}
        >
          {outcome?.message}
        </Alert>
      </Snackbar>
    </>
  );
}
