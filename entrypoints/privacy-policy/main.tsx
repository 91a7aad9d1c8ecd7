import { render } from 'preact';
import '@/components/theme.css';
import '@/components/app.css';
import { policyLanguage, PrivacyPolicy } from '@/components/PrivacyPolicy';
import { t, uiLocale } from '@/lib/i18n/i18n';

const lang = policyLanguage(location.search, uiLocale());
document.documentElement.lang = lang;
document.title = t('privacyTitle');

render(<PrivacyPolicy lang={lang} />, document.getElementById('app')!);
