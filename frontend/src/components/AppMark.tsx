import { alpha, styled } from '@mui/material/styles';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';

const Mark = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  color: theme.palette.primary.contrastText,
  backgroundColor: theme.palette.primary.main,
}));

/** The app's mark: the insights glyph on a primary tile. */
export function AppMark({ size = 'small' }: { size?: 'small' | 'large' }) {
  const large = size === 'large';
  return (
    <Mark
      aria-hidden
      sx={(theme) => ({
        padding: large ? '14px' : '6px',
        borderRadius: large ? '18px' : '10px',
        boxShadow: `0 ${large ? 6 : 2}px ${large ? 20 : 8}px ${alpha(theme.palette.primary.main, 0.35)}`,
      })}
    >
      <InsightsOutlined fontSize={large ? 'large' : 'small'} />
    </Mark>
  );
}
