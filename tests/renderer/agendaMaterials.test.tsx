// An agenda item's materials (issue 8): documents (PDF, Word, Excel, PowerPoint, TXT, CSV) or images. Documents go
// through attachments.uploadDocument and show a type icon, their name and size and a download; images keep their
// thumbnail. A refused file shows its name and reason and does not stop the others.
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { vi } from 'vitest';
import { Materials, sizeText } from '../../renderer/src/features/congress/sessions/AgendaEditor';
import { DOCUMENT_TYPES } from '../../shared/attachments/rules';
import type { AttachmentInfo } from '../../shared/attachments/types';
import type { AgendaItem, SessionDetail } from '../../shared/congress/sessions/types';
import { FakeError, fakeFile } from './fakeBackend';
import { renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => resetStores());
afterEach(() => vi.restoreAllMocks());

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const ITEM: AgendaItem = {
  id: 'i-7',
  sessionId: 's-1',
  position: 7,
  templateKey: null,
  title: '审议集体合同草案',
  kind: 'vote',
  presenter: null,
  plannedMinutes: 20,
  summary: null,
  resolution: null,
  materials: [],
  votes: [],
};

function setup(materials: AgendaItem['materials'] = [], canEdit = true) {
  const be = signedInBackend();
  const state = { item: { ...ITEM, materials } };
  let seq = 0;
  const stored = new Map<string, AttachmentInfo>();
  const store = (fileName: string, mime: string, bytes: number) => {
    const a: AttachmentInfo = { id: `att-${++seq}`, sha256: 'f'.repeat(64), mime, bytes, width: 0, height: 0, originalName: fileName };
    stored.set(a.id, a);
    return a;
  };
  be.on('attachments.uploadDocument', (i) => {
    if (i.fileName.endsWith('.exe')) throw new FakeError('BAD_FILE', 'err.document.executable', { fileName: i.fileName });
    if (i.fileName === '伪装.docx') throw new FakeError('BAD_FILE', 'err.document.mismatch', { fileName: i.fileName, ext: 'docx' });
    const ext = i.fileName.split('.').pop() as keyof typeof DOCUMENT_TYPES;
    return store(i.fileName, DOCUMENT_TYPES[ext], atob(i.dataBase64).length);
  });
  be.on('attachments.upload', (i) => store(i.fileName, 'image/jpeg', atob(i.dataBase64).length));
  be.on('attachments.get', () => ({ fileName: 'x.png', mime: 'image/png', dataBase64: PNG_1PX }));
  be.on('attachments.download', (i) => fakeFile(stored.get(i.id)?.originalName ?? '安全生产工作报告.pdf', 'application/pdf', 36_045));
  be.on('congress.agendaMaterialAdd', (i) => {
    const a = stored.get(i.attachmentId)!;
    state.item = { ...state.item, materials: [...state.item.materials, { attachmentId: a.id, title: i.title, mime: a.mime, bytes: a.bytes }] };
    return { agenda: [state.item] } as unknown as SessionDetail;
  });
  be.on('congress.agendaMaterialRemove', (i) => {
    state.item = { ...state.item, materials: state.item.materials.filter((m) => m.attachmentId !== i.attachmentId) };
    return { agenda: [state.item] } as unknown as SessionDetail;
  });
  function Host() {
    const [item, setItem] = useState(state.item);
    return <Materials item={item} canEdit={canEdit} onChange={(s) => setItem(s.agenda[0]!)} />;
  }
  renderInProviders(<Host />);
  return { be, state };
}

test('sizes read as B, KB and MB', () => {
  expect(sizeText(812)).toBe('812 B');
  expect(sizeText(36_045)).toBe('35.2 KB');
  expect(sizeText(4_928_307)).toBe('4.7 MB');
});

test('lists documents with their name, size and a download; images keep their thumbnail; a document is never fetched as an image', async () => {
  const { be } = setup([
    { attachmentId: 'att-pdf', title: '安全生产工作报告.pdf', mime: DOCUMENT_TYPES.pdf, bytes: 36_045 },
    { attachmentId: 'att-xlsx', title: '经费预算.xlsx', mime: DOCUMENT_TYPES.xlsx, bytes: 4_928_307 },
    { attachmentId: 'att-img', title: '现场照片.jpg', mime: 'image/jpeg', bytes: 812 },
  ]);
  const rows = screen.getAllByTestId('material');
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringContaining('安全生产工作报告.pdf35.2 KB'),
    expect.stringContaining('经费预算.xlsx4.7 MB'),
    expect.stringContaining('现场照片.jpg812 B'),
  ]);
  expect(rows[0]!.querySelector('.anticon-file-pdf')).not.toBeNull();
  expect(rows[1]!.querySelector('.anticon-file-excel')).not.toBeNull();
  // the image loads its thumbnail; the documents are not asked for one
  await waitFor(() => expect(within(rows[2]!).getByRole('img', { name: '现场照片.jpg' })).toBeInTheDocument());
  expect(be.inputs('attachments.get')).toEqual([{ id: 'att-img', size: 'thumb' }]);

  const clicked: { download: string; href: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
  });
  await user().click(screen.getByRole('button', { name: '下载材料 安全生产工作报告.pdf' }));
  await waitFor(() => expect(clicked).toHaveLength(1));
  expect(be.inputs('attachments.download')).toEqual([{ id: 'att-pdf' }]);
  expect(clicked[0]!.download).toBe('安全生产工作报告.pdf');
  expect(clicked[0]!.href).toMatch(/^\/api\/file\/file-\d+\?token=/);
});

test('attaches documents through uploadDocument and images as photos; a refused file shows its name and reason, the rest go on', async () => {
  const { be, state } = setup();
  const input = screen.getByLabelText('附材料 审议集体合同草案') as HTMLInputElement;
  for (const ext of ['.pdf', '.docx', '.xlsx', '.pptx', '.doc', '.xls', '.txt', '.csv', 'image/jpeg', 'image/png']) expect(input.accept.split(',')).toContain(ext);
  const files = [
    new File(['%PDF-1.4 议程'], '大会议程.pdf', { type: 'application/pdf' }),
    new File(['PK 伪装'], '伪装.docx', { type: DOCUMENT_TYPES.docx }),
    new File(['序号,姓名'], '代表名单.csv', { type: 'text/csv' }),
    new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场.png', { type: 'image/png' }),
  ];
  await user().upload(input, files);
  await waitFor(() => expect(state.item.materials).toHaveLength(3));
  expect(be.inputs('attachments.uploadDocument').map((i) => (i as { fileName: string }).fileName)).toEqual(['大会议程.pdf', '伪装.docx', '代表名单.csv']);
  expect(be.inputs('attachments.upload').map((i) => (i as { fileName: string }).fileName)).toEqual(['现场.png']);
  expect(be.inputs('congress.agendaMaterialAdd')).toEqual([
    { itemId: 'i-7', attachmentId: 'att-1', title: '大会议程.pdf' },
    { itemId: 'i-7', attachmentId: 'att-2', title: '代表名单.csv' },
    { itemId: 'i-7', attachmentId: 'att-3', title: '现场.png' },
  ]);
  expect(await screen.findByText('“伪装.docx”的内容不是 .docx 文件（内容与扩展名不符）')).toBeInTheDocument();
  await waitFor(() => expect(screen.getAllByTestId('material')).toHaveLength(3));
  expect(screen.getByText('代表名单.csv')).toBeInTheDocument();
  expect(be.validationFailures()).toEqual([]);
  // removing one
  await user().click(screen.getByRole('button', { name: '移除材料 代表名单.csv' }));
  await waitFor(() => expect(screen.getAllByTestId('material')).toHaveLength(2));
});

test('without the right to edit: the list and downloads only, nothing when there are no materials', async () => {
  setup([{ attachmentId: 'att-pdf', title: '安全生产工作报告.pdf', mime: DOCUMENT_TYPES.pdf, bytes: 36_045 }], false);
  expect(screen.getByRole('button', { name: '下载材料 安全生产工作报告.pdf' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /移除材料/ })).toBeNull();
  expect(screen.queryByLabelText(/附材料/)).toBeNull();
});
