import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
// the messages load with the screen, as App.tsx loads them
import i18n, { withMessages } from '../../i18n';
import { emptyFilters, FILTER_FIELDS, type CustomerFilters } from './filters';

vi.mock('./reference', () => ({
  useReference: () => ({
    isLoading: false,
    data: {
      provinces: [{ code: '330000', name: '浙江省' }, { code: '320000', name: '江苏省' }],
      schemes: [{ code: 'QMS', name: '质量管理体系' }, { code: 'EMS', name: '环境管理体系' }],
      professionalCodes: [{ code: '33.02.01', name: '电子元器件' }],
      statuses: [],
    },
  }),
}));

const { CustomerFilterForm } = await withMessages('customers', import('./CustomerFilterForm'));

/** Every filter of FILTER_FIELDS set, as the URL would give them. */
const everything: CustomerFilters = {
  ...emptyFilters(),
  q: '中澜',
  province: ['330000', '320000'],
  status: ['VALID', 'SUSPENDED'],
  scheme: ['QMS'],
  professionalCode: '33.02.01',
  auditFrom: '2026-01-01',
  auditTo: '2026-03-31',
  surveillanceFrom: '2027-01-01',
  surveillanceTo: '2027-06-30',
  expiresFrom: '2026-01-01',
  expiresTo: '2029-12-31',
  initialFeeMin: '10000',
  initialFeeMax: '20000.50',
  surveillanceFeeMin: '0',
  surveillanceFeeMax: '8000',
  systemChangeOpen: 'true',
};

describe('the filter form, made from the one list of fields', () => {
  it('sets every filter parameter in the test data (a new field needs a value here)', () => {
    for (const field of FILTER_FIELDS) {
      for (const param of field.params) {
        expect(everything[param], param).toBeTruthy();
      }
    }
  });

  it('shows every field with its label and gives back exactly the filters it was opened with', async () => {
    const onSearch = vi.fn();
    render(<CustomerFilterForm value={everything} onSearch={onSearch} />);
    // advanced filters in use: the form opens expanded
    for (const field of FILTER_FIELDS) {
      expect(i18n.exists(field.label), field.label).toBe(true);
      if ('placeholder' in field) {
        expect(i18n.exists(field.placeholder), field.placeholder).toBe(true);
      }
      expect(screen.getByText(i18n.t(field.label))).toBeInTheDocument();
    }
    await userEvent.setup().click(screen.getByTestId('filters-search'));
    await waitFor(() => expect(onSearch).toHaveBeenCalledTimes(1));
    expect(onSearch.mock.calls[0][0]).toEqual(everything);
  });

  it('folds the advanced fields away when none is in use, and reads the text field by its id', async () => {
    const onSearch = vi.fn();
    const view = render(<CustomerFilterForm value={emptyFilters()} onSearch={onSearch} />);
    for (const field of FILTER_FIELDS) {
      const shown = screen.queryByText(i18n.t(field.label));
      expect(!!shown, field.name).toBe(!('advanced' in field && field.advanced));
    }
    const user = userEvent.setup();
    // the end-to-end test types into #q
    await user.type(view.container.querySelector('#q') as HTMLInputElement, '  星澜 ');
    await user.click(screen.getByTestId('filters-search'));
    await waitFor(() => expect(onSearch).toHaveBeenCalledTimes(1));
    expect(onSearch.mock.calls[0][0]).toEqual({ ...emptyFilters(), q: '星澜' });

    await user.click(screen.getByText(i18n.t('filters.more')));
    for (const field of FILTER_FIELDS) {
      expect(screen.getByText(i18n.t(field.label))).toBeInTheDocument();
    }
  });
});
