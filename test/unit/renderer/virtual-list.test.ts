import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import VirtualList from '../../../renderer/src/lib/ui/VirtualList.svelte';

const items = Array.from({ length: 100_000 }, (_, i) => i);
const row = createRawSnippet((item: () => number) => ({ render: () => `<span>Title ${item()}</span>` }));

describe('virtual list', () => {
  it('renders a screenful of 100,000 rows, each announcing its place in the whole list', () => {
    render(VirtualList<number>, { items, rowHeight: 40, selected: -1, label: 'Titles', idPrefix: 'v', key: (i: number) => i, onselect: () => {}, row });
    const options = within(screen.getByRole('listbox', { name: 'Titles' })).getAllByRole('option');
    expect(options.length).toBeGreaterThan(10);
    expect(options.length).toBeLessThan(60);
    expect(options[0]).toHaveAttribute('aria-setsize', '100000');
    expect(options[0]).toHaveAttribute('aria-posinset', '1');
  });

  it('selects with the keyboard and reports the selection by position', async () => {
    const onselect = vi.fn();
    const onactivate = vi.fn();
    render(VirtualList<number>, { items, rowHeight: 40, selected: 5, label: 'Titles', idPrefix: 'v', key: (i: number) => i, onselect, onactivate, row });
    const list = screen.getByRole('listbox', { name: 'Titles' });
    expect(list).toHaveAttribute('aria-activedescendant', 'v-5');
    list.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(onselect).toHaveBeenLastCalledWith(6);
    await userEvent.keyboard('{End}');
    expect(onselect).toHaveBeenLastCalledWith(99_999);
    await userEvent.keyboard('{Home}');
    expect(onselect).toHaveBeenLastCalledWith(0);
    await userEvent.keyboard('{Enter}');
    expect(onactivate).toHaveBeenCalledWith(5);
  });

  it('selects the row clicked', async () => {
    const onselect = vi.fn();
    render(VirtualList<number>, { items, rowHeight: 40, selected: -1, label: 'Titles', idPrefix: 'v', key: (i: number) => i, onselect, row });
    await userEvent.click(screen.getByText('Title 3'));
    expect(onselect).toHaveBeenCalledWith(3);
  });

  it('says so when there is nothing to list', () => {
    const empty = createRawSnippet(() => ({ render: () => '<p>Nothing here</p>' }));
    render(VirtualList<number>, { items: [], rowHeight: 40, selected: -1, label: 'Titles', idPrefix: 'v', key: (i: number) => i, onselect: () => {}, row, empty });
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });
});
