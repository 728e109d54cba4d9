# Writes workbooks for the bad-input cases' setup scripts (python3's zipfile): a minimal valid
# .xlsx around a sheet's XML, plus whatever hostile parts a case adds.
#   import sys, os; sys.path.insert(0, os.path.dirname(sys.argv[0]) + "/../..")
import zipfile

TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Tiến độ" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>{extra}</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          '2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs></styleSheet>')


def cell(ref, value, style=0, formula=None):
    """An inline string, or a number when `value` is int/float; `formula` without a value when value is None."""
    f = '<f>%s</f>' % formula if formula else ''
    if value is None:
        return '<c r="%s" s="%d">%s</c>' % (ref, style, f)
    if isinstance(value, (int, float)):
        return '<c r="%s" s="%d">%s<v>%s</v></c>' % (ref, style, f, value)
    return '<c r="%s" s="%d" t="inlineStr">%s<is><t>%s</t></is></c>' % (ref, style, f, value)


def progress_sheet(rows, merged=()):
    """rows: [[cell(...), ...], ...] for rows 8 on, below the usual head."""
    head = [[cell('A1', 'Báo cáo tiến độ')], [cell('A2', 'Mã kế hoạch'), cell('B2', '2024')],
            [cell('A3', 'Kỳ báo cáo'), cell('B3', 'Quý II/2024')], [cell('A4', 'Ngày số liệu'), cell('B4', 45473, 2)]]
    headings = ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Trạng thái', 'Tỷ lệ hoàn thành (%)', 'Ngày',
                'Kết quả đã làm được', 'Minh chứng', 'Mã nhiệm vụ']
    xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    for i, r in enumerate(head):
        xml += '<row r="%d">%s</row>' % (i + 1, ''.join(r))
    xml += '<row r="7">%s</row>' % ''.join(cell('%s7' % 'ABCDEFGHI'[i], h) for i, h in enumerate(headings))
    for i, r in enumerate(rows):
        xml += '<row r="%d">%s</row>' % (i + 8, ''.join(r))
    xml += '</sheetData>'
    if merged:
        xml += '<mergeCells>%s</mergeCells>' % ''.join('<mergeCell ref="%s"/>' % m for m in merged)
    return xml + '</worksheet>'


def workbook(path, sheet_xml=None, parts=None, rels_extra='', types=TYPES):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', types)
        z.writestr('xl/workbook.xml', WORKBOOK)
        z.writestr('xl/_rels/workbook.xml.rels', RELS.format(extra=rels_extra))
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/worksheets/sheet1.xml', sheet_xml if sheet_xml is not None else progress_sheet([]))
        for name, data in (parts or {}).items():
            z.writestr(name, data)
