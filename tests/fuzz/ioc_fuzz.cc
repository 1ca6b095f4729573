// Fuzz target: IOC extraction (ExtractIocs, ExtractIocsFromCells) and refanging. Besides
// crashes it checks the location contract of ioc_extractor.h: every IOC's
// [offset, offset + length) lies inside the scanned text and `written` is exactly that
// span. For cells, offsets count in the row laid out as the cells joined by one
// separator byte, so the span must also stay inside one cell.
//
// Input: the text for ExtractIocs and the refang functions. The same bytes are also cut
// into a table row: headers, '\x1e', then cells, each separated by '\x1f'.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "converters/extract/ioc_extractor.h"
#include "converters/extract/refang.h"

namespace {

namespace convert = stixkit::convert;

void Fail(const char* what, const convert::Ioc& ioc) {
  fprintf(stderr, "ioc_fuzz: %s: type %s written '%s' offset %zu length %zu\n", what,
          std::string(convert::IocTypeName(ioc.type)).c_str(), ioc.written.c_str(), ioc.offset,
          ioc.length);
  abort();
}

void CheckSpans(std::string_view text, const std::vector<convert::Ioc>& iocs) {
  for (const convert::Ioc& ioc : iocs) {
    if (ioc.offset > text.size() || ioc.length > text.size() - ioc.offset) {
      Fail("span outside the text", ioc);
    }
    if (text.substr(ioc.offset, ioc.length) != ioc.written) Fail("written is not the span", ioc);
    if (ioc.value.empty()) Fail("empty value", ioc);
  }
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (;;) {
    const size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) return out;
    b = e + 1;
  }
}

void CheckMarkers(std::string_view text, convert::DefangKinds kinds) {
  std::vector<convert::DefangMarker> markers;
  convert::FindDefangMarkers(text, kinds, &markers);
  size_t last_end = 0;
  for (const convert::DefangMarker& m : markers) {
    if (m.begin < last_end || m.end < m.begin || m.end > text.size() ||
        (m.kind & kinds) != m.kind || (m.kind & (m.kind - 1)) != 0) {
      fprintf(stderr, "ioc_fuzz: bad marker [%zu, %zu) kind %u after %zu\n", m.begin, m.end,
              m.kind, last_end);
      abort();
    }
    last_end = m.end;
  }
  (void)convert::ApplyDefangMarkers(text, markers);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  CheckSpans(text, convert::ExtractIocs(text));

  const size_t rs = text.find('\x1e');
  std::vector<std::string> headers;
  std::string_view row = text;
  if (rs != std::string_view::npos) {
    headers = Split(text.substr(0, rs), '\x1f');
    row = text.substr(rs + 1);
  }
  const std::vector<std::string> cells = Split(row, '\x1f');
  const std::vector<convert::Ioc> cell_iocs = convert::ExtractIocsFromCells(cells, headers);
  CheckSpans(row, cell_iocs);  // the joined row is `row` itself: '\x1f' is the separator
  for (const convert::Ioc& ioc : cell_iocs) {
    if (ioc.written.find('\x1f') != std::string::npos) Fail("span crosses a cell", ioc);
  }

  for (convert::DefangKinds kinds : {convert::kDefangAll, convert::kDefangDot,
                                     convert::kDefangDot | convert::kDefangColon,
                                     convert::kDefangDot | convert::kDefangAt}) {
    CheckMarkers(text, kinds);
  }
  (void)convert::RefangHost(text);
  (void)convert::RefangIp(text);
  (void)convert::RefangEmail(text);
  (void)convert::RefangUrl(text);
  return 0;
}
