import { SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../components/ErrorPages';

/** The home of a role that has no customer screens (yet): who is logged in, nothing broken. */
export default function Home() {
  const { t } = useTranslation();
  return <StatusPage testId="home" icon={<SmileOutlined style={{ color: '#1677ff' }} />} title={t('home.title')} subTitle={t('home.subtitle')} />;
}
