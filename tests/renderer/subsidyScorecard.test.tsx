// The subsidy page's readiness tab and the home card: the five criteria with their light in words, the reasons
// translated, the figures formatted, the evidence links opening the records' pages, the year carried in the address;
// the home card's lights and its link; a failure offered a retry.
import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { useRouter } from '../../renderer/src/app/router';
import { SubsidyCard } from '../../renderer/src/features/subsidy/SubsidyCard';
import { ScorecardTab } from '../../renderer/src/features/subsidy/scorecard/ScorecardTab';
import type { Scorecard } from '../../shared/subsidy/scorecard/types';
import { FakeError } from './fakeBackend';
import { button, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => resetStores());

function fakeScorecard(year: number): Scorecard {
  return {
    year,
    asOf: `${year}-12-31`,
    green: 2,
    criteria: [
      {
        criterion: 'education',
        light: 'amber',
        reasons: [{ key: 'subsidy.why.fewActivities', params: { n: 7, need: 12 }, level: 'amber' }],
        figures: [
          { key: 'subsidy.fig.activities', value: 7, unit: 'count' },
          { key: 'subsidy.fig.meetingShare', value: 0.9234, unit: 'share' },
        ],
        evidence: [{ key: 'subsidy.ev.hours', link: { page: 'education', id: 'hours' } }],
        unavailable: false,
      },
      { criterion: 'capability', light: 'green', reasons: [], figures: [], evidence: [{ key: 'subsidy.ev.grades', link: { page: 'roster', id: null } }], unavailable: false },
      {
        criterion: 'wage',
        light: 'red',
        reasons: [
          { key: 'subsidy.why.noScheme', level: 'red' },
          { key: 'subsidy.why.fewRuns', params: { n: 10, need: 12 }, level: 'amber' },
        ],
        figures: [{ key: 'subsidy.fig.perHead', value: 45000, unit: 'fen' }],
        evidence: [{ key: 'subsidy.ev.runs', link: { page: 'wage', id: 'runs' } }],
        unavailable: false,
      },
      {
        criterion: 'congress',
        light: 'green',
        reasons: [],
        figures: [{ key: 'subsidy.fig.sessionsHeld', value: 1, unit: 'count' }],
        evidence: [{ key: 'subsidy.ev.minutes', params: { name: '第3届第2次职工代表大会' }, link: { page: 'congress', id: 'sessions' } }],
        unavailable: false,
      },
      { criterion: 'health', light: 'red', reasons: [{ key: 'subsidy.why.noData' }], figures: [], evidence: [{ key: 'subsidy.ev.plan', link: { page: 'health', id: 'plan' } }], unavailable: true },
    ],
  };
}

describe('the readiness tab', () => {
  it('shows the five criteria with their lights in words, reasons, figures and evidence links; the year is in the address', async () => {
    const u = user();
    const be = signedInBackend();
    const asked: number[] = [];
    be.on('subsidy.scorecard', (i) => {
      asked.push(i.year);
      return fakeScorecard(i.year);
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'scorecard/2025' } });
    renderInProviders(<ScorecardTab />);
    const edu = await screen.findByTestId('criterion-education');
    expect(asked).toEqual([2025]);
    expect(screen.getByTestId('scorecard-summary')).toHaveTextContent('2025 年度数据截至 2025-12-31：五项标准中 2 项达标');
    expect(within(edu).getByTestId('light-education')).toHaveTextContent('待完善');
    expect(edu).toHaveTextContent('教育活动 7 次，应不少于 12 次（每月至少 1 次）');
    expect(edu).toHaveTextContent('学时达标率92.3%');
    expect(screen.getByTestId('light-wage')).toHaveTextContent('未达标');
    expect(screen.getByTestId('criterion-wage')).toHaveTextContent('人均月能级工资（元）450.00');
    // in the red card each reason keeps its own colour: the red one red, the amber one amber
    const why = within(screen.getByTestId('reasons-wage')).getAllByRole('listitem');
    expect(why.map((li) => li.querySelector('[data-level]')!.getAttribute('data-level'))).toEqual(['red', 'amber']);
    expect(why[0]!.querySelector('.ant-typography-danger')).not.toBeNull();
    expect(why[1]!.querySelector('.ant-typography-warning')).not.toBeNull();
    expect(screen.getByTestId('light-capability')).toHaveTextContent('达标');
    expect(screen.getByTestId('criterion-capability')).toHaveTextContent('各项均达标');
    expect(screen.getByTestId('criterion-health')).toHaveTextContent('该模块的年度数据暂不可用');
    await u.click(within(screen.getByTestId('criterion-congress')).getByRole('button', { name: '第3届第2次职工代表大会会议纪要' }));
    expect(useRouter.getState().route).toEqual({ page: 'congress', id: 'sessions' });
  });

  it('choosing another year puts it in the address and reads it; the dossier button keeps the year', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('subsidy.scorecard', (i) => fakeScorecard(i.year));
    const now = dayjs().year();
    useRouter.setState({ route: { page: 'subsidy', id: null } });
    renderInProviders(<ScorecardTab />);
    await screen.findByTestId('criterion-education');
    expect(screen.getByTestId('scorecard-summary')).toHaveTextContent(`${now} 年度`);
    await pick(u, screen.getByRole('combobox', { name: '申报年度' }), `${now - 1} 年`);
    expect(useRouter.getState().route).toEqual({ page: 'subsidy', id: `scorecard/${now - 1}` });
    await u.click(button('编写申报材料'));
    expect(useRouter.getState().route).toEqual({ page: 'subsidy', id: `dossier/${now - 1}` });
  });

  it('a failure says why and retries', async () => {
    const u = user();
    const be = signedInBackend();
    let fail = true;
    be.on('subsidy.scorecard', (i) => {
      if (fail) throw new FakeError('INTERNAL', 'err.internal');
      return fakeScorecard(i.year);
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'scorecard/2025' } });
    renderInProviders(<ScorecardTab />);
    expect(await screen.findByText('内部错误，操作未完成，数据未改变')).toBeInTheDocument();
    fail = false;
    await u.click(button('重试'));
    expect(await screen.findByTestId('criterion-education')).toBeInTheDocument();
  });
});

describe('the home card', () => {
  it("this year's five lights in words, red border while any is red; opens the readiness tab", async () => {
    const u = user();
    const be = signedInBackend();
    const asked: number[] = [];
    be.on('subsidy.scorecard', (i) => {
      asked.push(i.year);
      return fakeScorecard(i.year);
    });
    renderInProviders(<SubsidyCard />);
    const card = await screen.findByTestId('subsidy-card');
    await waitFor(() => expect(screen.getByTestId('subsidy-card-green')).toHaveTextContent('2 / 5 项达标'));
    expect(asked).toEqual([dayjs().year()]);
    expect(card).toHaveTextContent(`奖补申报准备度 · ${dayjs().year()}`);
    expect(screen.getByTestId('subsidy-card-education')).toHaveTextContent('日常教育扎实待完善');
    expect(screen.getByTestId('subsidy-card-wage')).toHaveTextContent('能级工资见效未达标');
    expect(screen.getByTestId('subsidy-card-congress')).toHaveTextContent('职代会按期召开达标');
    expect(card.style.borderTop).toContain('3px solid');
    await u.click(screen.getByRole('button', { name: label('查看准备度') }));
    expect(useRouter.getState().route).toEqual({ page: 'subsidy', id: null });
  });
});

describe("a criterion with nothing to judge ('none')", () => {
  const noneCard = (year: number): Scorecard => {
    const s = fakeScorecard(year);
    return {
      ...s,
      green: 4,
      criteria: s.criteria.map((c) =>
        c.criterion === 'health'
          ? { ...c, light: 'none', reasons: [{ key: 'subsidy.none.health' }], figures: [{ key: 'subsidy.fig.examsOnTime', value: null, unit: 'share' }], unavailable: false }
          : { ...c, light: 'green', reasons: [] },
      ),
    };
  };

  it('the tab shows it grey as 无数据 (not 达标), saying what is missing', async () => {
    const be = signedInBackend();
    be.on('subsidy.scorecard', (i) => noneCard(i.year));
    useRouter.setState({ route: { page: 'subsidy', id: 'scorecard/2025' } });
    renderInProviders(<ScorecardTab />);
    const health = await screen.findByTestId('criterion-health');
    const tag = within(health).getByTestId('light-health');
    expect(tag).toHaveTextContent('无数据');
    expect(tag).not.toHaveTextContent('达标');
    expect(tag).toHaveAttribute('data-light', 'none');
    expect(health).toHaveTextContent('无可评价的记录：本年度没有接触职业病危害的职工，也没有应检的体检（含女职工体检）');
    expect(health).not.toHaveTextContent('各项均达标');
    expect(health).toHaveTextContent('按期体检率—');
    expect(health.style.borderTop).toContain('rgb(140, 140, 140)');
  });

  it('the home card: 无数据 in words; the border follows the judged criteria, grey when none is judged', async () => {
    const be = signedInBackend();
    be.on('subsidy.scorecard', (i) => noneCard(i.year));
    const { unmount } = renderInProviders(<SubsidyCard />);
    const card = await screen.findByTestId('subsidy-card');
    await waitFor(() => expect(screen.getByTestId('subsidy-card-health')).toHaveTextContent('特殊群体体检到位无数据'));
    expect(card.style.borderTop).toContain('rgb(56, 158, 13)');
    unmount();
    be.on('subsidy.scorecard', (i) => {
      const s = noneCard(i.year);
      return { ...s, green: 0, criteria: s.criteria.map((c) => ({ ...c, light: 'none' as const })) };
    });
    renderInProviders(<SubsidyCard />);
    await waitFor(() => expect(screen.getByTestId('subsidy-card-green')).toHaveTextContent('0 / 5 项达标'));
    expect(screen.getByTestId('subsidy-card').style.borderTop).toContain('rgb(140, 140, 140)');
  });
});
