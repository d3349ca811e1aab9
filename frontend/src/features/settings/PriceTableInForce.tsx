import { Fragment, useId, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PriceListing, PriceRow } from '../../api';
import { rowFrom, rowOrigin, SECONDARY_MARK } from '../../utils/priceListing';

const RATE_COLUMNS = [
  ['input', 'Input'],
  ['output', 'Output'],
  ['cache_write_5m', 'Write 5 min'],
  ['cache_write_1h', 'Write 1 h'],
  ['cache_read', 'Read'],
] as const;

const rate = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;

/** One dated row: its date, rates, and where it comes from (source, verified date, confidence, provenance). */
function Row({ name, row, inForce }: { name: string; row: PriceRow; inForce: boolean }) {
  return (
    <TableRow data-price-row={row.row} data-in-force={inForce || undefined} selected={inForce}>
      <TableCell component="th" scope="row" sx={{ fontWeight: inForce ? 600 : undefined }}>
        {name}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {rowFrom(row)}
        {inForce && ' (in force)'}
      </TableCell>
      {RATE_COLUMNS.map(([k]) => (
        <TableCell key={k} align="right">
          {rate(row[k])}
        </TableCell>
      ))}
      <TableCell sx={{ minWidth: 180 }}>
        <Typography variant="caption" component="span" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {row.source || 'No source given'}
          {row.verified && `, verified ${row.verified}`}
        </Typography>
        <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
          {rowOrigin(row)}
        </Typography>
        {row.confidence === 'secondary' && <Chip size="small" variant="outlined" color="warning" label={SECONDARY_MARK} sx={{ mt: 0.5 }} />}
      </TableCell>
    </TableRow>
  );
}

/**
 * The price table in force, folded away until asked for: every family with
 * each dated row (the one in force today marked), its rates in USD per
 * million tokens, its source, the date it was verified, a mark on rows known
 * only from secondary sources, and where the row came from (the shipped
 * table, the price download, or the user).
 */
export function PriceTableInForce({ listing }: { listing: PriceListing }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const models = listing.families.length + listing.custom.length;
  return (
    <Box>
      <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={id}>
        {open ? 'Hide the table in force' : `Show the table in force (${models} models)`}
      </Button>
      <Collapse in={open} id={id} unmountOnExit>
        <Box sx={{ overflowX: 'auto', mt: 1 }}>
          <Table size="small" aria-label={`Prices in force, table ${listing.version}, USD per million tokens`}>
            <TableHead>
              <TableRow>
                <TableCell>Model</TableCell>
                <TableCell>From</TableCell>
                {RATE_COLUMNS.map(([k, label]) => (
                  <TableCell key={k} align="right">
                    {label}
                  </TableCell>
                ))}
                <TableCell>Source</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {listing.families.map((f) => {
                const name = f.same_as.length ? `${f.name} (also ${f.same_as.join(', ')})` : f.name;
                return (
                  <Fragment key={f.family}>
                    {f.rows.map((r, i) => (
                      <Row key={r.row || `${f.family}-${i}`} name={name} row={r} inForce={i === f.in_force} />
                    ))}
                  </Fragment>
                );
              })}
              {listing.custom.map((r) => (
                <Row key={`custom-${r.row}`} name={r.row} row={r} inForce />
              ))}
            </TableBody>
          </Table>
        </Box>
      </Collapse>
    </Box>
  );
}
