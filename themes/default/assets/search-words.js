/*
 * Công khai: the words the search knows about (docs/search.md, "What the search understands").
 * Data only; search-core.js reads it. Edit freely: every entry is lower-case Vietnamese.
 *
 * abbreviations: [short form, full form]. A query written either way also looks for the
 *   other ("TTHC" finds "thủ tục hành chính" and the reverse). Compared without diacritics.
 * questionWords: words and phrases of a question ("ở đâu", "ai", "khi nào") and common
 *   function words. They are left out of a query that has other words, so that they do not
 *   decide which documents are found. Compared as typed: "làm" is one, "lâm" (Sơn Lâm) is not.
 * fillerWords: words that may accompany a unit's name without changing what is looked for
 *   ("xã Sơn Lâm năm 2023" names the commune); a year (four digits) is one too.
 */
(function (root, data) {
  if (typeof module === 'object' && module.exports) {
    module.exports = data;
  } else {
    root.CongkhaiSearchWords = data;
  }
})(typeof self !== 'undefined' ? self : this, {
  abbreviations: [
    ['tthc', 'thủ tục hành chính'],
    ['dvc', 'dịch vụ công'],
    ['dvctt', 'dịch vụ công trực tuyến'],
    ['ubnd', 'ủy ban nhân dân'],
    ['hđnd', 'hội đồng nhân dân'],
    ['ubmttq', 'ủy ban mặt trận tổ quốc'],
    ['pvhcc', 'phục vụ hành chính công'],
    ['cchc', 'cải cách hành chính'],
    ['tn&tkq', 'tiếp nhận và trả kết quả'],
    ['csdl', 'cơ sở dữ liệu'],
    ['vp', 'văn phòng']
  ],
  questionWords: [
    'làm ở đâu', 'ở đâu', 'tại đâu', 'chỗ nào', 'nơi nào', 'khi nào', 'bao giờ', 'lúc nào',
    'làm thế nào', 'như thế nào', 'thế nào', 'làm sao', 'ra sao', 'là gì', 'cái gì',
    'phụ trách', 'có phải', 'được không', 'hay không', 'có không',
    'ai', 'gì', 'đâu', 'nào', 'ở', 'của', 'cho', 'và', 'các', 'những', 'được', 'để', 'thì',
    'là', 'bị', 'với', 'tại', 'về', 'tôi', 'em', 'muốn', 'cần', 'hỏi', 'xin', 'ạ', 'nhé',
    'vậy', 'nên', 'mà', 'hãy', 'đi'
  ],
  fillerWords: [
    'xã', 'phường', 'thị', 'trấn', 'huyện', 'quận', 'tỉnh', 'thành', 'phố', 'năm', 'trang',
    'đơn', 'vị', 'ubnd', 'ủy', 'uỷ', 'ban', 'nhân', 'dân', 'địa', 'phương'
  ]
});
