// The check "every workshop and team has a culture wall updated within N months": the counts, the units without a wall
// (with a button to add one) and those not updated in time (with a button to record an update), and the setting N.
import { Alert, App, Button, Card, InputNumber, List, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MAX_WALL_MONTHS, MIN_WALL_MONTHS } from '../../../../../shared/education/walls/rules';
import type { WallCheck, WallUnitRef } from '../../../../../shared/education/walls/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

const unitText = (u: WallUnitRef) => [u.workshopName, u.name].filter(Boolean).join(' / ');

export function WallCheckPanel(props: {
  check: WallCheck | null;
  canWrite: boolean;
  isAdmin: boolean;
  onAddWall(orgUnitId: string): void;
  onAddUpdate(wallId: string): void;
  onSettings(): void;
}) {
  const { check } = props;
  const t = useT();
  const { message } = App.useApp();
  const [months, setMonths] = useState<number | null>(check?.months ?? null);
  useEffect(() => setMonths(check?.months ?? null), [check?.months]);
  if (!check) return null;

  const save = async () => {
    if (months === null || months === check.months) return;
    try {
      const s = await call('education.wallSettingsSave', { months });
      message.success(t('edu.wall.monthsSaved', { months: s.months }));
      props.onSettings();
    } catch (e) {
      message.error(errorText(e, t));
      setMonths(check.months);
    }
  };

  const good = check.units > 0 && check.missing.length === 0 && check.stale.length === 0;
  return (
    <Card size="small" title={t('edu.wall.check.title')} style={{ marginBottom: 12 }} data-testid="edu-wall-check">
      <Space wrap size={16} style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="edu-wall-check-summary">
          {t('edu.wall.check.summary', { units: check.units, withWall: check.withWall, current: check.current, months: check.months, cutoff: check.cutoff })}
        </Typography.Text>
        <Space size={6}>
          <label htmlFor="eduWallMonths">{t('edu.wall.months')}</label>
          <Tooltip title={props.isAdmin ? t('edu.wall.monthsHelp') : t('edu.wall.monthsAdminOnly')}>
            <InputNumber
              id="eduWallMonths"
              min={MIN_WALL_MONTHS}
              max={MAX_WALL_MONTHS}
              precision={0}
              value={months}
              disabled={!props.isAdmin}
              onChange={(v) => setMonths(typeof v === 'number' ? v : null)}
              onBlur={() => void save()}
              onPressEnter={() => void save()}
              style={{ width: 80 }}
            />
          </Tooltip>
        </Space>
      </Space>
      {check.units === 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="edu-wall-no-units"
          title={
            <>
              {t('edu.wall.check.noUnits')} <a href="#/roster">{t('edu.wall.check.openRoster')}</a>
            </>
          }
        />
      )}
      {good && <Alert type="success" showIcon title={t('edu.wall.check.allGood')} data-testid="edu-wall-check-good" />}
      <Space align="start" wrap size={16} style={{ width: '100%' }}>
        {check.missing.length > 0 && (
          <List
            size="small"
            style={{ minWidth: 320 }}
            data-testid="edu-wall-missing"
            header={<Typography.Text type="danger">{t('edu.wall.check.missing', { n: check.missing.length })}</Typography.Text>}
            dataSource={check.missing}
            renderItem={(u) => (
              <List.Item
                actions={
                  props.canWrite
                    ? [
                        <Button key="a" size="small" onClick={() => props.onAddWall(u.id)} aria-label={`${t('edu.wall.check.addWall')} ${unitText(u)}`}>
                          {t('edu.wall.check.addWall')}
                        </Button>,
                      ]
                    : []
                }
              >
                {unitText(u)}
              </List.Item>
            )}
          />
        )}
        {check.stale.length > 0 && (
          <List
            size="small"
            style={{ minWidth: 360 }}
            data-testid="edu-wall-stale"
            header={<Typography.Text type="warning">{t('edu.wall.check.stale', { months: check.months, n: check.stale.length })}</Typography.Text>}
            dataSource={check.stale}
            renderItem={(u) => (
              <List.Item
                actions={
                  props.canWrite
                    ? [
                        <Button key="u" size="small" onClick={() => props.onAddUpdate(u.wallId)} aria-label={`${t('edu.wall.check.addUpdate')} ${unitText(u)}`}>
                          {t('edu.wall.check.addUpdate')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space>
                  {unitText(u)}
                  <Typography.Text type="secondary">{u.lastUpdate ? t('edu.wall.check.last', { date: u.lastUpdate }) : t('edu.wall.check.never')}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
