#include "importer/algoritmeregister.hpp"

#include "app/register.hpp"
#include "core/file_io.hpp"
#include "core/text.hpp"
#include "domain/publication.hpp"
#include "importer/organisations.hpp"

namespace koers {

Result<ImportReport> ImportAlgoritmeregister(Register& reg, const std::string& path, const std::string& data_dir) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.error();

  // The register names organisations of the official code lists: load
  // those first (idempotent), so an import works on a fresh database too.
  auto standard = LoadStandardOrganisations(reg, data_dir);
  if (!standard.ok()) return standard.error();
  OrganisationMatcher matcher;
  auto orgs = reg.AllOrganisations();
  if (!orgs.ok()) return orgs.error();
  for (const auto& o : orgs.value()) matcher.Add(o.naam, o.code);
  auto aliases = ReadFile(data_dir + "/organisaties/aliassen.csv", 1u << 20);
  if (aliases.ok()) {
    auto lines = Split(aliases.value(), '\n');
    for (size_t i = 1; i < lines.size(); ++i) {
      auto f = Split(lines[i], ';');
      if (f.size() == 2) matcher.AddAlias(Trim(f[0]), Trim(f[1]));
    }
  }

  auto batch = MapAlgoritmeregister(content.value(), matcher);
  if (!batch.ok()) return batch.error();
  ImportReport report;
  report.batch = std::move(batch).value();
  if (auto details_file = ReadFile(data_dir + "/" + kRegisterDetailsFile); details_file.ok()) {
    auto details = MapRegisterDetails(details_file.value());
    if (!details.ok()) return details.error();
    for (auto& in : report.batch.innovations) {
      auto it = details.value().find(in.bron->id);
      if (it != details.value().end() && FillEmpty(it->second, &*in.publicatie)) ++report.aangevuld;
    }
  }
  Actor importer = Actor::System("import algoritmeregister");
  auto counts = reg.Import(report.batch.new_organisations, report.batch.innovations, importer);
  if (!counts.ok()) return counts.error();
  report.toegevoegd = counts.value().toegevoegd;
  report.gewijzigd = counts.value().gewijzigd;
  report.ongewijzigd = counts.value().ongewijzigd;
  return report;
}

}  // namespace koers
