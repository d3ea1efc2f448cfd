import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Tells the user that someone else changed the record they are editing: what they typed is
 * kept; they may load the current values instead, or save again over the other change.
 */
export function VersionConflictAlert(props: { onLoad?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="version-conflict"
      style={{ marginBottom: 16 }}
      message={t('conflict.title')}
      description={props.onLoad ? t('conflict.keptTyped') : t('conflict.reloaded')}
      action={
        props.onLoad && (
          <Button size="small" onClick={props.onLoad}>
            {t('conflict.load')}
          </Button>
        )
      }
    />
  );
}
