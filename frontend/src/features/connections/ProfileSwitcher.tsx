import { useState } from 'react';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { ProfileView } from '../../api';
import { kindLabel, profileHost } from '../../utils/profiles';
import { KindIcon } from './KindIcon';

export interface ProfileSwitcherProps {
  profiles: ProfileView[];
  activeId: string;
  onSelect: (view: ProfileView) => void;
  onManage: () => void;
  onSignOut: (view: ProfileView) => void;
}

/** The active connection's name; its menu switches connections or signs out. */
export function ProfileSwitcher({ profiles, activeId, onSelect, onManage, onSignOut }: ProfileSwitcherProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const active = profiles.find((v) => v.profile.id === activeId);
  const close = () => setAnchor(null);
  const pick = (fn: () => void) => () => {
    close();
    fn();
  };
  const canSignOut = active && active.profile.kind === 'platform' && active.session.signed_in;

  return (
    <>
      <Button
        color="inherit"
        variant="outlined"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'profile-menu' : undefined}
        aria-label={`Connection: ${active?.profile.name ?? 'none'}`}
        startIcon={<KindIcon kind={active?.profile.kind ?? ''} fontSize="small" />}
        endIcon={<ExpandMoreOutlined />}
        sx={{ borderColor: 'divider', maxWidth: 240, minHeight: 40, '& .MuiButton-startIcon': { color: 'primary.main' } }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {active?.profile.name ?? 'No connection'}
        </span>
      </Button>
      <Menu
        id="profile-menu"
        anchorEl={anchor}
        open={!!anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 260, mt: 0.5 } } }}
      >
        {profiles.map((v) => {
          const isActive = v.profile.id === activeId;
          return (
            <MenuItem key={v.profile.id} selected={isActive} onClick={pick(() => onSelect(v))}>
              <ListItemIcon>{isActive ? <CheckOutlined fontSize="small" color="primary" /> : null}</ListItemIcon>
              <ListItemText
                primary={v.profile.name}
                secondary={`${kindLabel(v.profile.kind)} · ${profileHost(v.profile)}`}
                slotProps={{ secondary: { noWrap: true, sx: { maxWidth: 260 } } }}
              />
            </MenuItem>
          );
        })}
        <Divider />
        <MenuItem onClick={pick(onManage)}>
          <ListItemIcon>
            <SettingsOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Manage connections…" />
        </MenuItem>
        {canSignOut && (
          <MenuItem onClick={pick(() => onSignOut(active))}>
            <ListItemIcon>
              <LogoutOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary="Sign out" secondary={active.session.username || undefined} />
          </MenuItem>
        )}
      </Menu>
    </>
  );
}
