import { screen, waitFor } from '@testing-library/react';
import { DEFAULT_HAZARD_RULES } from '../../shared/hazards/rules';
import { SettingsPage } from '../../renderer/src/features/settings/SettingsPage';
import { button, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(resetStores);

function fieldErrors(labelText: string): string[] {
  const item = screen.getByLabelText(labelText).closest('.ant-form-item')!;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}

describe('SettingsPage', () => {
  test('thresholds out of order are refused by the real schema and marked on the field with the rule', async () => {
    const be = signedInBackend();
    be.on('hazards.rules', () => DEFAULT_HAZARD_RULES);
    be.on('hazards.setRules', (i) => i);
    renderInProviders(<SettingsPage />);
    const [red, orange] = ['重大风险（红）D >', '较大风险（橙）D >'];
    await waitFor(() => expect(screen.getByLabelText(red)).toHaveValue('320'));
    const u = user();
    await u.clear(screen.getByLabelText(red));
    await u.type(screen.getByLabelText(red), '100');
    await u.click(button('保存'));
    // the schema refused it (nothing saved) and said which field and why
    await waitFor(() => expect(fieldErrors(orange)).toEqual(['风险阈值须依次递减：红 > 橙 > 黄']));
    expect(be.count('hazards.setRules')).toBe(1);
    expect(be.validationFailures()).toHaveLength(1);
  });
});
