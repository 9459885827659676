import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Crashed() {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={t('common.crashed')}
      action={
        <Button onClick={() => window.location.reload()} data-testid="reload">
          {t('common.reload')}
        </Button>
      }
      data-testid="page-crashed"
    />
  );
}

/**
 * A screen that throws while rendering shows a message and a way out, and the header (navigation,
 * sign-out) stays usable, rather than the whole console going blank. Moving to another route
 * (`route`) tries again; a working screen is never remounted by it.
 */
export class PageErrorBoundary extends Component<{ route: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  componentDidUpdate(previous: { route: string }): void {
    if (this.state.failed && previous.route !== this.props.route) this.setState({ failed: false });
  }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    // The browser's console is where a person helping the user would look first.
    console.error('ruamjai console: a screen failed to render', error);
  }

  render(): ReactNode {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
