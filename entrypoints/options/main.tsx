import { render } from 'preact';
import '@/components/theme.css';
import { t } from '@/lib/i18n';

function Dashboard() {
  return (
    <main>
      <h1>{t('dashboardTitle')}</h1>
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
