import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import CableOutlined from '@mui/icons-material/CableOutlined';
import type { ServerInfo } from '../../api';
import { NO_PLATFORM_SCHEMA, serverInfoText } from '../../utils/profiles';

export interface TestConnectionButtonProps {
  testing: boolean;
  info?: ServerInfo;
  error: string;
  onTest: () => void;
}

/** The "Test connection" button of a MongoDB profile and what the test found. */
export function TestConnectionButton({ testing, info, error, onTest }: TestConnectionButtonProps) {
  const noSchema = info && info.platform_schema === false;
  return (
    <Stack spacing={1.25} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        size="small"
        onClick={onTest}
        disabled={testing}
        aria-busy={testing}
        startIcon={testing ? <CircularProgress size={16} color="inherit" aria-hidden /> : <CableOutlined />}
      >
        {testing ? 'Testing…' : 'Test connection'}
      </Button>
      <Box sx={{ width: '100%', '&:empty': { display: 'none' } }}>
        {info && (
          <Alert
            severity={noSchema ? 'warning' : 'success'}
            role="status"
            data-testid="connection-test-result"
            sx={{ py: 0, '& .MuiAlert-message': { py: 0.75 } }}
          >
            {serverInfoText(info)}
            {noSchema && (
              <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                {NO_PLATFORM_SCHEMA}
              </Box>
            )}
          </Alert>
        )}
        {error && (
          <Alert
            severity="error"
            role="alert"
            data-testid="connection-test-result"
            sx={{ py: 0, '& .MuiAlert-message': { py: 0.75 } }}
          >
            {error}
          </Alert>
        )}
      </Box>
    </Stack>
  );
}
