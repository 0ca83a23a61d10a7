import type { SessionModel } from '../../lib/app/session-model';
import { useApp, useT } from '../app-context';
import { memo } from '../memo';

/** Export is there for everyone, at any moment, also after the session ended. */
function ExportBarView({ session }: { session: SessionModel }) {
  const app = useApp();
  const t = useT();
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading" class="small-heading">
        {t('export.heading')}
      </h2>
      <div class="row">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const harvest = session.harvest();
            if (harvest) app.download(harvest.fileName, harvest.markdown);
          }}
        >
          {t('export.markdown')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const harvest = session.harvest();
            if (harvest) void app.copy(harvest.markdown, 'harvest');
          }}
        >
          {t('export.copy')}
        </button>
      </div>
    </section>
  );
}

export const ExportBar = memo(ExportBarView);
