import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError, type Report } from '../api';
import { App } from '../App';
import { makeReport } from '../test/fixtures';
import { stubAppStart } from '../test/mockApi';
import { stored } from '../test/storedFixtures';

vi.mock('../api', async (importOriginal) =>
  (await import('../test/mockApi')).mockApi(importOriginal, ['exportReport']),
);

const m = vi.mocked(api);

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
});

async function exportAs(label: 'CSV…' | 'JSON…') {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: new RegExp(label) }));
}

describe('Export', () => {
  it('is disabled until a report is on screen', async () => {
    let resolve!: (r: Report) => void;
    m.fetchReport.mockReturnValue(new Promise((res) => (resolve = res)));
    render(<App />);
    const button = await screen.findByRole('button', { name: 'Export' });
    expect(button).toBeDisabled();
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    expect(screen.queryByRole('menu')).toBeNull();
    await act(async () => resolve(makeReport()));
    expect(button).toBeEnabled();
  });

  it('saves the report on screen as CSV and says where', async () => {
    const report = makeReport();
    m.fetchReport.mockResolvedValue(report);
    m.exportReport.mockResolvedValue('/home/alice/usage-last-30-days.csv');
    render(<App />);
    await screen.findByText('$1,234.57');
    await exportAs('CSV…');
    expect(m.exportReport).toHaveBeenCalledWith(report, 'csv');
    expect(await screen.findByRole('alert')).toHaveTextContent('Saved to /home/alice/usage-last-30-days.csv');
  });

  it('says nothing when the save dialog was cancelled', async () => {
    m.fetchReport.mockResolvedValue(makeReport());
    m.exportReport.mockResolvedValue('');
    render(<App />);
    await screen.findByText('$1,234.57');
    await exportAs('JSON…');
    expect(m.exportReport).toHaveBeenCalledWith(expect.anything(), 'json');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Saved to/)).toBeNull();
  });

  it('shows the error message when the export fails', async () => {
    m.fetchReport.mockResolvedValue(makeReport());
    m.exportReport.mockRejectedValue(new ApiError('internal', 'The file could not be written: permission denied.'));
    render(<App />);
    await screen.findByText('$1,234.57');
    await exportAs('CSV…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be written: permission denied.');
    expect(alert).not.toHaveTextContent('Saved to');
  });

  it('opens with Ctrl+E and exports the stored report while it is on screen', async () => {
    const s = stored();
    m.fetchStoredReport.mockResolvedValue(s);
    m.fetchReport.mockReturnValue(new Promise(() => {})); // the fetch never answers
    m.exportReport.mockResolvedValue('/tmp/r.json');
    render(<App />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled());
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    const menu = await screen.findByRole('menu');
    await userEvent.setup().click(within(menu).getByRole('menuitem', { name: /JSON/ }));
    expect(m.exportReport).toHaveBeenCalledWith(s.report, 'json');
    expect(await screen.findByRole('alert')).toHaveTextContent('Saved to /tmp/r.json');
  });
});
