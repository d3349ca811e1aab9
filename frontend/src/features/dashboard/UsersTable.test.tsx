import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BY_USER, everyoneReport } from '../../test/fixtures';
import { UsersTable } from './UsersTable';

function renderTable(report = everyoneReport()) {
  render(<UsersTable report={report} rows={report.breakdowns?.by_user ?? []} />);
}

/** The data-user-key of the body rows, top to bottom. */
function order(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('tbody tr[data-user-key]')).map((r) => r.dataset.userKey ?? '?');
}

const header = (name: RegExp) => screen.getByRole('columnheader', { name });
const sortButton = (name: RegExp) => within(header(name)).getByRole('button');

describe('UsersTable', () => {
  it('lists users by cost, highest first, with exact costs for tests', () => {
    renderTable();
    expect(order()).toEqual(['u-bob', 'u-alice', '', 'u-carol']);
    expect(header(/^Cost/)).toHaveAttribute('aria-sort', 'descending');
    const alice = document.querySelector('tr[data-user-key="u-alice"]')!;
    const cost = alice.querySelector('[data-metric="user_cost_usd"]');
    expect(cost).toHaveAttribute('data-exact', '$300.0678');
    expect(cost).toHaveTextContent('$300.07');
    expect(document.querySelectorAll('[data-metric="user_cost_usd"]')).toHaveLength(BY_USER.length);
    const cells = within(alice as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['$300.07', '380K', '150K', '100K', '30K', '100K', '25']);
    expect(within(alice as HTMLElement).getByRole('rowheader')).toHaveTextContent('alice');
  });

  it('sorts by cost ascending and by username both ways', async () => {
    renderTable();
    const user = userEvent.setup();
    await user.click(sortButton(/^Cost/));
    expect(order()).toEqual(['u-carol', '', 'u-alice', 'u-bob']);
    expect(header(/^Cost/)).toHaveAttribute('aria-sort', 'ascending');

    await user.click(sortButton(/^User/));
    expect(order()).toEqual(['u-alice', 'u-bob', 'u-carol', '']);
    expect(header(/^User/)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(/^Cost/)).not.toHaveAttribute('aria-sort');
    await user.click(sortButton(/^User/));
    expect(order()).toEqual(['u-carol', 'u-bob', 'u-alice', '']);
    expect(header(/^User/)).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts by every figure column, from the keyboard too', async () => {
    renderTable();
    const user = userEvent.setup();
    await user.click(sortButton(/^Output/));
    // bob and alice tie on output: by name.
    expect(order()).toEqual(['u-alice', 'u-bob', '', 'u-carol']);
    act(() => sortButton(/^Logs/).focus());
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['u-bob', 'u-alice', '', 'u-carol']);
    await user.keyboard(' ');
    expect(order()).toEqual(['u-carol', '', 'u-alice', 'u-bob']);
    for (const name of [/^Tokens/, /^Input/, /^Cache write/, /^Cache read/]) {
      await user.click(sortButton(name));
      expect(header(name)).toHaveAttribute('aria-sort', 'descending');
      expect(order()[0]).toBe('u-bob');
    }
  });

  it('marks the Unassigned row and explains it', async () => {
    renderTable();
    const row = document.querySelector<HTMLElement>('tr[data-user-key=""]')!;
    const name = within(row).getByText('Unassigned');
    expect(name).toHaveStyle({ fontStyle: 'italic' });
    await userEvent.setup().hover(name);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Instances and logs that belong to no user');
  });

  it("shows the report's own totals in the footer", () => {
    renderTable(everyoneReport({ total_cost_usd: 9999.125, total_tokens: 2_000_000, total_cache_read_tokens: 7 }));
    const footer = screen.getByTestId('users-total');
    const cells = within(footer).getAllByRole('cell').map((c) => c.textContent);
    expect(within(footer).getByRole('rowheader')).toHaveTextContent('Total');
    expect(cells).toEqual(['$9,999.13', '2M', '500K', '234.6K', '100K', '7', '']);
    expect(within(footer).queryByText('$1,234.57')).toBeNull();
  });

  it('shows exact token counts on hover', async () => {
    renderTable();
    const bob = document.querySelector<HTMLElement>('tr[data-user-key="u-bob"]')!;
    await userEvent.setup().hover(within(bob).getByText('700K'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('700,000');
  });
});
