// The prompt a page shows when a new version of the course has been
// installed and waits: Reload hands over to it, Later leaves this page on
// the version it started with (the new one takes over once every tab of the
// course is closed). A polite live region, so a screen reader announces it
// without moving focus.
import type { Locale } from '../contract/locale.ts';
import { translator } from '../i18n/define.ts';
import { localeFromLang } from '../i18n/locale-from-lang.ts';
import { serviceWorkerStrings } from '../i18n/strings/service-worker.ts';

const t = translator(serviceWorkerStrings);

export function showUpdatePrompt(onReload: () => void): void {
  if (document.querySelector('.course-update-prompt')) return;
  const locale: Locale = localeFromLang(document.documentElement.lang);
  const prompt = document.createElement('div');
  prompt.className = 'course-update-prompt course-buttons';
  prompt.setAttribute('role', 'status');
  prompt.setAttribute('aria-live', 'polite');
  const message = document.createElement('p');
  message.textContent = t(locale, 'update.message');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'course-button-primary';
  reload.textContent = t(locale, 'update.reload');
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = t(locale, 'update.later');
  later.addEventListener('click', () => prompt.remove());
  prompt.append(message, reload, later);
  Object.assign(prompt.style, {
    position: 'fixed',
    insetInline: '1rem',
    bottom: '1rem',
    zIndex: '100',
    maxWidth: '36rem',
    marginInline: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '0.5rem',
    padding: '0.75rem 1rem',
    background: 'var(--sl-color-bg-nav)',
    color: 'var(--sl-color-white)',
    border: '1px solid var(--sl-color-gray-5)',
    borderRadius: '0.5rem',
    boxShadow: 'var(--sl-shadow-lg)',
  });
  message.style.margin = '0';
  message.style.flex = '1 1 16rem';
  document.body.append(prompt);
}
