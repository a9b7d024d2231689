// Retouching traces: the app list loads and rejects typos in Chinese; editing apps and Meitu face
// marks are found in EXIF, UserComment and XMP written by sharp; cameras and namespaces are not.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToText, findRetouchTraces, loadRetouchList, readMetadataFields, type RetouchList } from '../../../src/check/image/index.ts';
import { SiyuError } from '../../../src/shared/errors.ts';

let list: RetouchList;
let dir: string;

beforeAll(async () => {
  list = await loadRetouchList();
  dir = await mkdtemp(path.join(tmpdir(), 'siyu-retouch-'));
});

const plain = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#8899aa' } });
const xmpPacket = (attrs: string, body = '') =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" ` +
  `xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ` +
  `xmlns:meitu="http://ns.meitu.com/xmp/1.0/" ${attrs}>${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;

async function tracesOf(buf: Buffer) {
  return findRetouchTraces(await readMetadataFields(buf), list);
}

describe('retouch-apps.yaml', () => {
  it('loads the shipped list', () => {
    const names = list.markers.filter((m) => m.kind === 'app').map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['Adobe Photoshop', 'Adobe Lightroom', '美图秀秀（Meitu）', 'Snapseed', 'Facetune', 'PicsArt', 'VSCO', 'Wink']));
  });

  it('names file, line and path of every mistake, in Chinese', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(file, 'apps:\n  - name: Foo\n    match: []\n  - name: ""\n    match: [bar]\n    colour: red\ntraces: 3\n');
    const err = await loadRetouchList(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiyuError);
    const text = (err as SiyuError).toString();
    expect(text).toContain('修图软件名单');
    expect(text).toMatch(/bad\.yaml 第 3 行 apps\[0\]\.match：至少写一个匹配词/);
    expect(text).toMatch(/bad\.yaml 第 4 行 apps\[1\]\.name：不能为空/);
    expect(text).toMatch(/apps\[1\]：未知字段：colour/);
    expect(text).toMatch(/bad\.yaml 第 7 行 traces：traces 应为列表/);
  });

  it('reports a missing file and a YAML syntax error', async () => {
    await expect(loadRetouchList(path.join(dir, 'nope.yaml'))).rejects.toThrow(/修图软件名单.*无法读取/);
    const file = path.join(dir, 'syntax.yaml');
    await writeFile(file, 'apps: [unclosed\n');
    const err = (await loadRetouchList(file).catch((e: unknown) => e)) as SiyuError;
    expect(err.details.join('\n')).toMatch(/syntax\.yaml.*YAML 格式错误/);
  });
});

describe('finding traces (pure)', () => {
  it('matches app names in values, case-insensitively, whole words where asked', () => {
    const t = findRetouchTraces(
      [
        { field: 'ifd0.Software', value: 'Adobe Photoshop 25.0 (Windows)' },
        { field: 'ifd0.ImageDescription', value: 'twinkle twinkle' },
        { field: 'xmp.CreatorTool', value: 'Wink 2.3' },
      ],
      list,
    );
    expect(t.map((x) => x.name)).toEqual(['Adobe Photoshop', 'Wink']);
    expect(t[0]).toMatchObject({ kind: 'app', field: 'ifd0.Software', value: 'Adobe Photoshop 25.0 (Windows)' });
  });

  it('finds face-edit marks in field names and long values, quoting around the hit', () => {
    const long = `${'x'.repeat(200)} "FaceLift":1 ${'y'.repeat(200)}`;
    const t = findRetouchTraces(
      [
        { field: 'meitu.SlimFace', value: '1' },
        { field: 'exif.userComment', value: long },
      ],
      list,
    );
    expect(t).toEqual([
      { kind: 'trace', name: '人脸美化 / 瘦脸标记', field: 'meitu.SlimFace', value: '1' },
    ]);
    const only = findRetouchTraces([{ field: 'exif.userComment', value: long }], list);
    expect(only[0]!.value).toMatch(/^….*"FaceLift":1.*…$/);
    expect(only[0]!.value.length).toBeLessThan(90);
  });

  it('ignores the camera maker (Make/Model) and a bare "face" (face-detection regions)', () => {
    expect(findRetouchTraces([{ field: 'ifd0.Make', value: 'Meitu' }, { field: 'ifd0.Model', value: 'Meitu V6' }], list)).toEqual([]);
    expect(findRetouchTraces([{ field: 'mwg-rs.Regions.RegionList[0].Type', value: 'Face' }], list)).toEqual([]);
  });

  it('does not report an app field again as a mark', () => {
    const t = findRetouchTraces([{ field: 'ifd0.Software', value: 'BeautyCam 9.1' }], list);
    expect(t).toEqual([{ kind: 'app', name: '美颜相机（BeautyCam）', field: 'ifd0.Software', value: 'BeautyCam 9.1' }]);
  });
});

describe('UserComment and maker-note bytes', () => {
  it('decodes the ASCII and UNICODE (either byte order) charset headers', () => {
    const ascii = Buffer.concat([Buffer.from('ASCII\0\0\0'), Buffer.from('{"beauty":3}')]);
    expect(bytesToText(ascii)).toBe('{"beauty":3}');
    const le = Buffer.concat([Buffer.from('UNICODE\0'), Buffer.from('美图秀秀 FaceLift', 'utf16le')]);
    expect(bytesToText(le)).toBe('美图秀秀 FaceLift');
    const be = Buffer.concat([Buffer.from('UNICODE\0'), Buffer.from('MTXX beauty', 'utf16le').swap16()]);
    expect(bytesToText(be)).toBe('MTXX beauty');
  });

  it('keeps the readable strings of a binary maker note', () => {
    const note = Buffer.concat([Buffer.from([0, 1, 2, 250, 7]), Buffer.from('MeituBeautyLevel'), Buffer.from([0, 0, 3, 9]), Buffer.from('ab')]);
    expect(bytesToText(note)).toBe('MeituBeautyLevel');
  });
});

describe('reading metadata written by editors', () => {
  it('EXIF Software: Adobe Photoshop', async () => {
    const buf = await plain().jpeg().withExif({ IFD0: { Software: 'Adobe Photoshop 25.0' } }).toBuffer();
    expect(await tracesOf(buf)).toEqual([{ kind: 'app', name: 'Adobe Photoshop', field: 'ifd0.Software', value: 'Adobe Photoshop 25.0' }]);
  });

  it('Meitu: Software plus face-edit flags in UserComment', async () => {
    const buf = await plain()
      .jpeg()
      .withExif({ IFD0: { Software: 'MTXX 9.6.1' }, IFD2: { UserComment: '{"source":"xiuxiu","FaceLift":1,"SkinSmooth":60}' } })
      .toBuffer();
    const t = await tracesOf(buf);
    expect(t.map((x) => [x.kind, x.name, x.field])).toEqual([['app', '美图秀秀（Meitu）', 'ifd0.Software']]);
    // The UserComment names Meitu (xiuxiu) too, so it is folded into the app finding; on its own
    // it is found as well:
    const commentOnly = await plain().jpeg().withExif({ IFD2: { UserComment: '{"FaceLift":1,"SkinSmooth":60}' } }).toBuffer();
    expect(await tracesOf(commentOnly)).toEqual([
      { kind: 'trace', name: '人脸美化 / 瘦脸标记', field: 'userComment', value: '{"FaceLift":1,"SkinSmooth":60}' },
    ]);
  });

  it('XMP: CreatorTool, edit history and a Meitu face flag', async () => {
    const xmp = xmpPacket(
      'xmp:CreatorTool="Adobe Lightroom Classic 13.0" meitu:FaceLift="1"',
      '<xmpMM:History><rdf:Seq><rdf:li stEvt:action="created" stEvt:softwareAgent="Camera"/>' +
        '<rdf:li stEvt:action="saved" stEvt:softwareAgent="Snapseed 2.21"/></rdf:Seq></xmpMM:History>',
    );
    const t = await tracesOf(await plain().jpeg().withXmp(xmp).toBuffer());
    expect(t).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'app', name: 'Adobe Lightroom', field: 'xmp.CreatorTool' }),
        expect.objectContaining({ kind: 'app', name: 'Snapseed', field: 'xmpMM.History[1].softwareAgent' }),
        expect.objectContaining({ kind: 'trace', name: '人脸美化 / 瘦脸标记', field: 'meitu.FaceLift' }),
      ]),
    );
  });

  it('reads XMP and EXIF from PNG and WebP too', async () => {
    const xmp = xmpPacket('xmp:CreatorTool="Facetune2"');
    expect((await tracesOf(await plain().png().withXmp(xmp).toBuffer())).map((x) => x.name)).toEqual(['Facetune']);
    expect((await tracesOf(await plain().webp().withXmp(xmp).withExif({ IFD0: { Software: 'PicsArt' } }).toBuffer())).map((x) => x.name).sort()).toEqual(['Facetune', 'PicsArt']);
  });

  it('finds nothing in a camera photo or in Adobe namespaces alone', async () => {
    expect(await tracesOf(await plain().jpeg().withExif({ IFD0: { Make: 'Meitu', Model: 'M8' } }).toBuffer())).toEqual([]);
    expect(await tracesOf(await plain().jpeg().withXmp(xmpPacket('photoshop:DateCreated="2026-01-02"')).toBuffer())).toEqual([]);
    expect(await tracesOf(await plain().jpeg().toBuffer())).toEqual([]);
  });
});
