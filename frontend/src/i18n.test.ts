import { afterAll, describe, expect, it } from 'vitest';
import i18n, { changeLanguage, i18nReady, withMessages } from './i18n';
import importZhCN from './locales/import/zh-CN.json';
import importEn from './locales/import/en.json';
import documentsZhCN from './locales/documents/zh-CN.json';
import documentsEn from './locales/documents/en.json';
import feedbackZhCN from './locales/feedback/zh-CN.json';
import feedbackEn from './locales/feedback/en.json';
import screensZhCN from './locales/screens/zh-CN.json';
import screensEn from './locales/screens/en.json';

const inBundle = (language: string, key: string) => i18n.getResource(language, 'translation', key) as string | undefined;

describe('a screen with its own messages (withMessages)', () => {
  afterAll(() => localStorage.clear());

  it('hands the screen on only once its bundle is in, in Chinese (the fallback as well)', async () => {
    await i18nReady;
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.exists('import.title')).toBe(false);
    expect(i18n.exists('validation.required')).toBe(false);

    const screen = await withMessages('import', Promise.resolve('the screen'));

    expect(screen).toBe('the screen');
    expect(inBundle('zh-CN', 'import.title')).toBe(importZhCN.import.title);
    expect(i18n.t('import.title')).toBe(importZhCN.import.title);
    // and the bundle all screens share
    expect(i18n.t('validation.required', { field: 'X' })).toBe(screensZhCN.validation.required.replace('{{field}}', 'X'));
    // the main messages are still there: the bundle is merged, not put in their place
    expect(i18n.t('menu.import')).not.toBe('menu.import');
  });

  it('loads several bundles at once', async () => {
    await withMessages(['documents', 'feedback'], Promise.resolve(null));
    expect(i18n.t('documents.public.title')).toBe(documentsZhCN.documents.public.title);
    expect(i18n.t('feedback.overdue')).toBe(feedbackZhCN.feedback.overdue);
    // the key the public pages' frame takes from the shared bundle survives the documents bundle, and the reverse
    expect(i18n.t('documents.public.login')).toBe(screensZhCN.documents.public.login);
  });

  it('loads the bundles already wanted in a language switched to, before the switch', async () => {
    await changeLanguage('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('import.title')).toBe(importEn.import.title);
    expect(i18n.t('feedback.overdue')).toBe(feedbackEn.feedback.overdue);
    expect(i18n.t('documents.public.title')).toBe(documentsEn.documents.public.title);
    expect(i18n.t('common.save')).toBe(screensEn.common.save);
  });

  it('in English loads the bundle in English and in Chinese, the fallback', async () => {
    expect(inBundle('en', 'applications.listTitle')).toBeUndefined();
    await withMessages('applications', Promise.resolve(null));
    expect(inBundle('en', 'applications.listTitle')).toBeTruthy();
    expect(inBundle('zh-CN', 'applications.listTitle')).toBeTruthy();
    expect(i18n.t('applications.listTitle')).toBe(inBundle('en', 'applications.listTitle'));
  });

  it('fails with the screen when the screen fails to load', async () => {
    await expect(withMessages('import', Promise.reject(new Error('chunk failed')))).rejects.toThrow('chunk failed');
  });
});
