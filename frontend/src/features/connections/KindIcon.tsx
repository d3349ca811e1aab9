import CloudOutlined from '@mui/icons-material/CloudOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';

/** Cloud for a platform API profile, a database for MongoDB. */
export function KindIcon({ kind, ...props }: { kind: string } & SvgIconProps) {
  return kind === 'platform' ? <CloudOutlined {...props} /> : <StorageOutlined {...props} />;
}
