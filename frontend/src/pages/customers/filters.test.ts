import { describe, expect, it } from 'vitest';
import document from '../../api/openapi/customer-service.json';
import { emptyFilters, FILTER_FIELDS, filterQuery, LIST_PARAMS, listUrl, parseView, TEXT_PARAMS, toApiQuery, toParams, type ListView } from './filters';

describe('the list view in the URL', () => {
  it('survives a round trip through the URL with every filter, sort and page', () => {
    const view: ListView = {
      filters: {
        ...emptyFilters(),
        q: '中澜',
        province: ['330000', '320000'],
        status: ['VALID'],
        scheme: ['QMS', 'EMS'],
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
      },
      sort: [{ field: 'expiresOn', order: 'desc' }],
      page: 3,
      size: 50,
    };
    const url = toParams(view).toString();
    expect(parseView(new URLSearchParams(url))).toEqual(view);
    expect(url).toContain('q=%E4%B8%AD%E6%BE%9C');
    expect(url).toContain('province=330000&province=320000');
    expect(url).toContain('sort=expiresOn%2Cdesc');
  });

  it('leaves defaults out so a plain list has a plain URL', () => {
    expect(toParams({ filters: emptyFilters(), sort: [], page: 1, size: 20 }).toString()).toBe('');
  });

  it('drops values that cannot be right instead of sending them', () => {
    const view = parseView(new URLSearchParams('expiresFrom=2026-13&initialFeeMin=lots&page=-4&size=7&sort=name;drop,desc&q=%20%20&systemChangeOpen=maybe'));
    expect(view.filters.systemChangeOpen).toBeUndefined();
    expect(view.filters.expiresFrom).toBeUndefined();
    expect(view.filters.initialFeeMin).toBeUndefined();
    expect(view.filters.q).toBeUndefined();
    expect(view.page).toBe(1);
    expect(view.size).toBe(20);
    expect(view.sort).toEqual([]);
  });

  it('asks the API with the same names, repeated parameters as lists', () => {
    const view = parseView(new URLSearchParams('q=星河&status=VALID&status=SUSPENDED&sort=name&page=2'));
    expect(toApiQuery(view)).toEqual({ q: '星河', status: ['VALID', 'SUSPENDED'], sort: ['name'], page: 2, size: 20 });
    expect(toApiQuery(parseView(new URLSearchParams('sort=expiresOn,desc&sort=name'))))
      .toEqual({ sort: ['expiresOn,desc', 'name'], page: 1, size: 20 });
    expect(filterQuery(view.filters)).toEqual({ q: '星河', status: ['VALID', 'SUSPENDED'] });
  });
});

describe('links from the overview', () => {
  it('open the list with the clicked group as its filter', () => {
    expect(listUrl({ province: ['330000'] })).toBe('/customers?province=330000');
    expect(listUrl({ status: ['SUSPENDED'] })).toBe('/customers?status=SUSPENDED');
    expect(listUrl({ expiresFrom: '2027-01-01', expiresTo: '2027-01-31' })).toBe('/customers?expiresFrom=2027-01-01&expiresTo=2027-01-31');
    expect(parseView(new URLSearchParams(listUrl({ scheme: ['QMS'] }).split('?')[1])).filters.scheme).toEqual(['QMS']);
    expect(listUrl({})).toBe('/customers');
  });
});

describe('the one list of filter fields', () => {
  it('has each filter parameter of the list API (its OpenAPI document) exactly once, repeated ones as lists', () => {
    const parameters = document.paths['/api/customers'].get.parameters
      .filter((p) => p.in === 'query' && !['sort', 'page', 'size'].includes(p.name));
    const params = FILTER_FIELDS.flatMap((f) => [...f.params]);
    expect(new Set(params).size).toBe(params.length);
    expect([...params].sort()).toEqual(parameters.map((p) => p.name).sort());
    const repeated = parameters.filter((p) => p.schema.type === 'array').map((p) => p.name);
    expect([...LIST_PARAMS].sort()).toEqual(repeated.sort());
    expect([...TEXT_PARAMS, ...LIST_PARAMS].sort()).toEqual([...params].sort());
  });

  it('names each form item once', () => {
    const names = FILTER_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
