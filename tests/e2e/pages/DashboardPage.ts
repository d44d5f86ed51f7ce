import type { Page } from 'playwright-core';

/** 首页 (DashboardPage): KPI cards, 已逾期 / 即将到期 reminders, charts, the statistics table. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByText('隐患排查治理总览', { exact: true });
  }

  reminders(kind: 'overdue' | 'dueSoon') {
    return this.page.getByTestId(`reminders-${kind}`);
  }
  /** a reminder row (aria-label "打开隐患 <serial>") */
  reminderRow(kind: 'overdue' | 'dueSoon', serial: string) {
    return this.reminders(kind).getByRole('row', { name: `打开隐患 ${serial}` });
  }
  emptyReminders(kind: 'overdue' | 'dueSoon') {
    return this.reminders(kind).getByText(kind === 'overdue' ? '没有逾期隐患' : '近期没有即将到期的隐患', { exact: true });
  }
  kpi(key: 'open' | 'overdue' | 'closureRate' | 'avgDays' | 'found' | 'closed') {
    return this.page.getByTestId(`kpi-${key}`);
  }
  kpiValue(key: 'open' | 'overdue' | 'closureRate' | 'avgDays' | 'found' | 'closed') {
    return this.kpi(key).locator('.ant-statistic-content-value');
  }

  async waitUntilVisible() {
    await this.title.waitFor();
    await this.reminders('overdue').waitFor();
    await this.kpi('closed').waitFor();
  }
}
