#include "domain/access.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

Actor User(int64_t id, std::vector<RoleGrant> roles) {
  Actor a;
  a.gebruiker_id = id;
  a.naam = "u" + std::to_string(id);
  a.rollen = std::move(roles);
  return a;
}

AccessFacts Facts(const char* visibility) {
  AccessFacts f;
  f.organisatie = "GM0001";
  f.partners = {"GM0003"};
  f.zichtbaarheid = visibility;
  f.team = {7, 8};
  f.projectleiders = {8};
  f.aangemaakt_door = 9;
  return f;
}

TEST(Access, ReadFollowsVisibility) {
  Actor anon;
  Actor own = User(1, {{0, "GM0001", rol::kLezer}});
  Actor partner = User(2, {{0, "GM0003", rol::kLezer}});
  Actor other = User(3, {{0, "GM0002", rol::kBeheerder}});
  Actor member = User(7, {});
  Actor creator = User(9, {});
  Actor national = User(4, {});
  national.landelijk_beheerder = true;
  struct Case {
    const char* visibility;
    bool anon, own, partner, other, member, creator, national;
  };
  for (const Case& c : {Case{"openbaar", true, true, true, true, true, true, true},
                        Case{"organisatie", false, true, true, false, true, true, true},
                        Case{"team", false, false, false, false, true, true, true}}) {
    auto f = Facts(c.visibility);
    EXPECT_EQ(CanRead(anon, f), c.anon) << c.visibility;
    EXPECT_EQ(CanRead(own, f), c.own) << c.visibility;
    EXPECT_EQ(CanRead(partner, f), c.partner) << c.visibility;
    EXPECT_EQ(CanRead(other, f), c.other) << c.visibility;
    EXPECT_EQ(CanRead(member, f), c.member) << c.visibility;
    EXPECT_EQ(CanRead(creator, f), c.creator) << c.visibility;
    EXPECT_EQ(CanRead(national, f), c.national) << c.visibility;
  }
}

TEST(Access, APartnerWithEditRightsEditsButDoesNotChangeTheCircle) {
  auto f = Facts("organisatie");
  f.partners = {"GM0003", "GM0004"};
  f.partners_met_bewerkrecht = {"GM0003"};
  Actor partner_lid = User(2, {{0, "GM0003", rol::kLid}});
  EXPECT_TRUE(CanEdit(partner_lid, f));
  EXPECT_FALSE(CanEditCircle(partner_lid, f));
  EXPECT_TRUE(CanEdit(User(2, {{0, "GM0003", rol::kBeheerder}}), f));
  EXPECT_FALSE(CanEdit(User(2, {{0, "GM0003", rol::kLezer}}), f)) << "a reader of the partner only reads";
  EXPECT_FALSE(CanEdit(User(2, {{0, "GM0004", rol::kLid}}), f)) << "a partner without the right only reads";
  EXPECT_TRUE(CanEditCircle(User(1, {{0, "GM0001", rol::kLid}}), f));
  EXPECT_TRUE(CanEditCircle(User(8, {}), f)) << "the projectleider";
  f.zichtbaarheid = "team";
  EXPECT_FALSE(CanEdit(partner_lid, f)) << "who may not read, does not edit";
}

TEST(Access, EditingNeedsLidOrProjectleiderOfTheInnovation) {
  auto f = Facts("organisatie");
  EXPECT_TRUE(CanEdit(User(1, {{0, "GM0001", rol::kLid}}), f));
  EXPECT_TRUE(CanEdit(User(1, {{0, "GM0001", rol::kBeheerder}}), f));
  EXPECT_FALSE(CanEdit(User(1, {{0, "GM0001", rol::kLezer}}), f));
  EXPECT_FALSE(CanEdit(User(1, {{0, "GM0001", rol::kStuurgroep}}), f));
  EXPECT_FALSE(CanEdit(User(1, {{0, "GM0003", rol::kLid}}), f)) << "a partner reads, but does not edit";
  EXPECT_TRUE(CanEdit(User(8, {}), f)) << "projectleider of this innovation";
  EXPECT_FALSE(CanEdit(User(7, {}), f)) << "a plain team member";
  EXPECT_FALSE(CanEdit(Actor{}, Facts("openbaar")));
  // A lid who cannot read a team-only innovation cannot edit it either.
  EXPECT_FALSE(CanEdit(User(1, {{0, "GM0001", rol::kLid}}), Facts("team")));
}

TEST(Access, DeletingDecidingAndManaging) {
  auto f = Facts("organisatie");
  EXPECT_TRUE(CanDelete(User(1, {{0, "GM0001", rol::kBeheerder}}), f));
  EXPECT_FALSE(CanDelete(User(1, {{0, "GM0001", rol::kLid}}), f));
  EXPECT_TRUE(CanDecide(User(1, {{0, "GM0001", rol::kStuurgroep}}), f));
  EXPECT_FALSE(CanDecide(User(1, {{0, "GM0001", rol::kLid}}), f));
  EXPECT_FALSE(CanDecide(User(1, {{0, "GM0002", rol::kStuurgroep}}), f));
  EXPECT_TRUE(CanCreateFor(User(1, {{0, "GM0001", rol::kLid}}), "GM0001"));
  EXPECT_FALSE(CanCreateFor(User(1, {{0, "GM0001", rol::kLid}}), "GM0002"));
  EXPECT_FALSE(CanCreateFor(Actor{}, "GM0001"));
  EXPECT_TRUE(CanManage(User(1, {{0, "GM0001", rol::kBeheerder}}), "GM0001"));
  EXPECT_FALSE(CanManage(User(1, {{0, "GM0001", rol::kBeheerder}}), "GM0002"));
  EXPECT_TRUE(CanManage(Actor::System("cli"), "GM0002"));
}

}  // namespace
}  // namespace koers
