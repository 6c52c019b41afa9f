# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyCommon


@tagged("post_install", "-at_install")
class TestMasterData(PropertyCommon):
    # ------------------------------------------------------------------
    # Estates
    # ------------------------------------------------------------------
    def test_estate_code_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["property.estate"].create({"name": "Copy", "code": "EA"})

    def test_estate_service_hours_default_and_check(self):
        estate = self.env["property.estate"].create({"name": "Defaults", "code": "DF"})
        self.assertEqual((estate.service_hour_start, estate.service_hour_end), (8.0, 20.0))
        for start, end in ((20.0, 8.0), (8.0, 25.0), (-1.0, 20.0), (9.0, 9.0)):
            with self.assertRaises(ValidationError):
                estate.write({"service_hour_start": start, "service_hour_end": end})
        self.assertEqual((estate.service_hour_start, estate.service_hour_end), (8.0, 20.0))

    def test_estate_service_hours_in_estate_timezone(self):
        # 08:00-20:00 in Asia/Shanghai (UTC+8) is 00:00-12:00 UTC
        estate = self.estate_a
        self.assertFalse(estate._is_service_hours(datetime(2026, 3, 2, 23, 59)))  # 07:59
        self.assertTrue(estate._is_service_hours(datetime(2026, 3, 3, 0, 0)))  # 08:00
        self.assertTrue(estate._is_service_hours(datetime(2026, 3, 3, 11, 59)))  # 19:59
        self.assertFalse(estate._is_service_hours(datetime(2026, 3, 3, 12, 0)))  # 20:00
        estate.service_hour_end = 21.5
        self.assertTrue(estate._is_service_hours(datetime(2026, 3, 3, 13, 29)))  # 21:29

    def test_estate_key_staff_are_assigned(self):
        director = self.suite_admin
        self.estate_b.director_id = director
        self.assertIn(director, self.estate_b.user_ids)
        self.assertIn(self.assistant_b, self.estate_b.user_ids)
        self.assertIn(self.estate_b, director.property_estate_ids)
        self.assertEqual(self.estate_a.unit_count, 2)
        self.assertEqual(self.estate_a.building_count, 1)
        self.assertAlmostEqual(self.estate_a.total_area, 209.5)

    # ------------------------------------------------------------------
    # Units
    # ------------------------------------------------------------------
    def test_unit_code_unique_per_estate(self):
        # the same code in another estate is fine (set up in common), not twice in one
        self.assertEqual(self.unit_a1.code, self.unit_b1.code)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["property.unit"].create(
                    {"code": " 1-1-101 ", "estate_id": self.estate_a.id, "area": 50}
                )

    def test_unit_area_must_be_positive(self):
        for area in (0, -12.5):
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self.env["property.unit"].create(
                        {"code": "X-1", "estate_id": self.estate_a.id, "area": area}
                    )

    def test_unit_building_of_other_estate_refused(self):
        with self.assertRaises(ValidationError):
            self.env["property.unit"].create(
                {
                    "code": "9-9-909",
                    "estate_id": self.estate_a.id,
                    "building_id": self.building_b.id,
                    "area": 60,
                }
            )

    def test_unit_name_code_and_estate_from_building(self):
        unit = self.env["property.unit"].create(
            {"code": "  3-2-1502 ", "building_id": self.building_a.id, "area": 143}
        )
        self.assertEqual(unit.code, "3-2-1502")
        self.assertEqual(unit.estate_id, self.estate_a)
        self.assertEqual(unit.name, "Estate A 3-2-1502")
        self.assertEqual(unit.state, "unsold")
        found = self.env["property.unit"].name_search("3-2-1502")
        self.assertEqual([r[0] for r in found], [unit.id])

    def test_unit_form_building_sets_estate(self):
        with Form(self.env["property.unit"]) as form:
            form.code = "1-1-201"
            form.area = 80
            form.building_id = self.building_b
            self.assertEqual(form.estate_id, self.estate_b)
        self.assertEqual(form.record.estate_id, self.estate_b)

    # ------------------------------------------------------------------
    # Occupancies
    # ------------------------------------------------------------------
    def _occupancy(self, **vals):
        # the front desk registers owners and tenants
        return (
            self.env["property.occupancy"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a2.id,
                    "partner_id": self.tenant_a.id,
                    "role": "owner",
                    **vals,
                }
            )
        )

    def test_occupancy_end_after_start(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._occupancy(date_start="2024-05-01", date_end="2024-04-30")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._occupancy(date_start="2024-05-01", date_end="2024-05-01")

    def test_occupancy_one_relation_per_person_and_period(self):
        first = self._occupancy(date_start="2020-01-01", date_end="2023-01-01")
        with self.assertRaises(ValidationError):
            self._occupancy(date_start="2022-12-31", role="tenant")
        # a new relation from the day the old one ended is history, not an overlap
        second = self._occupancy(date_start="2023-01-01", role="tenant")
        self.assertFalse(first.is_current)
        self.assertTrue(second.is_current)
        self.assertEqual(self.unit_a2.occupancy_ids, first | second)

    def test_occupancy_one_fee_payer_at_a_time(self):
        self.assertEqual(self.unit_a1.fee_payer_id, self.owner_a)
        desk = self.env["property.occupancy"].with_user(self.assistant_a)
        with self.assertRaises(ValidationError):
            desk.create(
                {
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.tenant_a.id,
                    "role": "tenant",
                    "date_start": "2025-01-01",
                    "is_fee_payer": True,
                }
            )
        # the owner stops paying when the lease starts: then the tenant may pay
        self.occupancy_a.with_user(self.assistant_a).is_fee_payer = False
        tenancy = desk.create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.tenant_a.id,
                "role": "tenant",
                "date_start": "2025-01-01",
                "is_fee_payer": True,
            }
        )
        self.assertEqual(self.unit_a1.fee_payer_id, self.tenant_a)
        with self.assertRaises(ValidationError):
            self.occupancy_a.with_user(self.assistant_a).is_fee_payer = True
        self.assertEqual(self.unit_a1.occupant_ids, self.owner_a | self.tenant_a)
        self.assertEqual(self.unit_a1.owner_ids, self.owner_a)
        self.assertIn(tenancy, self.unit_a1.current_occupancy_ids)

    def test_occupancy_moves_unit_state(self):
        unit = self.env["property.unit"].create(
            {"code": "NEW-1", "estate_id": self.estate_a.id, "area": 70}
        )
        self.assertEqual(unit.state, "unsold")
        self._occupancy(unit_id=unit.id, date_start="2024-01-01")
        self.assertEqual(unit.state, "vacant")
        self.env["property.occupancy"].with_user(self.assistant_a).create(
            {
                "unit_id": unit.id,
                "partner_id": self.owner_b.id,
                "role": "tenant",
                "date_start": "2024-02-01",
            }
        )
        self.assertEqual(unit.state, "rented")
        # a future relation changes nothing yet
        other = self.env["property.unit"].create(
            {"code": "NEW-2", "estate_id": self.estate_a.id, "area": 70}
        )
        self._occupancy(
            unit_id=other.id, date_start=fields.Date.context_today(other) + timedelta(days=30)
        )
        self.assertEqual(other.state, "unsold")

    def test_occupancy_end_keeps_history(self):
        self.occupancy_a.with_user(self.assistant_a).action_end()
        # the estate's day, whatever the clerk's time zone
        self.assertEqual(self.occupancy_a.date_end, self.estate_a._local_date())
        self.assertFalse(self.occupancy_a.is_current)
        self.assertTrue(self.occupancy_a.exists())
        self.assertFalse(self.unit_a1.owner_ids)
        self.assertFalse(self.unit_a1.fee_payer_id)
        self.assertEqual(self.owner_a.property_unit_count, 0)
        self.assertIn(self.occupancy_a, self.owner_a.property_occupancy_ids)
        starting_today = self._occupancy(date_start=self.estate_a._local_date())
        with self.assertRaises(UserError):
            starting_today.action_end()  # the front desk's record, from _occupancy
        self.assertFalse(starting_today.date_end)

    def test_occupancy_days_are_the_estates(self):
        """At 01:30 in Shanghai (17:30 UTC the day before) the scheduled action, which has
        no resident's time zone, ends a tenancy on its last Shanghai day; a moving-out
        clerk in another time zone ends it on the estate's day too."""
        with freeze_time("2026-03-01 12:00:00"):
            leaving = self._occupancy(
                unit_id=self.unit_a2.id,
                partner_id=self.tenant_a.id,
                role="tenant",
                date_start="2025-03-01",
                date_end="2026-03-02",
            )
            self.assertTrue(leaving.is_current)
        # estate A is in Shanghai: 17:30 UTC is already 2 March there
        with freeze_time("2026-03-01 17:30:00"):
            self._run_cron("property_service_desk.ir_cron_occupancy_refresh_current")
            self.assertFalse(leaving.is_current)
            self.assertNotIn(self.tenant_a, self.unit_a2.occupant_ids)
            self.assistant_a.tz = "Europe/London"  # still 1 March there
            self.occupancy_a.with_user(self.assistant_a).action_end()
            self.assertEqual(str(self.occupancy_a.date_end), "2026-03-02")

    def test_cron_refresh_current_is_idempotent(self):
        today = self.estate_a._local_date()
        future = self._occupancy(date_start=today + timedelta(days=10))
        # set-up: estate B's tenant, leaving in five days
        leaving = self.env["property.occupancy"].create(
            {
                "unit_id": self.unit_b1.id,
                "partner_id": self.tenant_a.id,
                "role": "tenant",
                "date_start": today - timedelta(days=100),
                "date_end": today + timedelta(days=5),
            }
        )
        self.assertFalse(future.is_current)
        self.assertTrue(leaving.is_current)
        self.assertEqual(self.unit_b1.occupant_ids, self.owner_b | self.tenant_a)
        with freeze_time(today + timedelta(days=10)):
            Occupancy = self.env["property.occupancy"]
            stale_domain = Occupancy._get_stale_current_domain(today + timedelta(days=10))
            self.assertEqual(Occupancy.search(stale_domain), future | leaving)
            self._run_cron("property_service_desk.ir_cron_occupancy_refresh_current")
            self.assertTrue(future.is_current)
            self.assertFalse(leaving.is_current)
            self.assertEqual(self.unit_a2.owner_ids, self.tenant_a)
            self.assertEqual(self.unit_b1.occupant_ids, self.owner_b)
            self.assertFalse(Occupancy.search(stale_domain))
            write_dates = (leaving | future).mapped("write_date")
            self._run_cron("property_service_desk.ir_cron_occupancy_refresh_current")
            self.assertEqual((leaving | future).mapped("write_date"), write_dates)
            self.assertTrue(future.is_current)
            self.assertFalse(leaving.is_current)

    # ------------------------------------------------------------------
    # Owner archive
    # ------------------------------------------------------------------
    def test_document_follows_occupancy_unit(self):
        category = self.env.ref("property_service_desk.document_category_id_copy")
        document = (
            self.env["property.document"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "ID copy",
                    "category_id": category.id,
                    "occupancy_id": self.occupancy_a.id,
                    "file": "VGVzdA==",
                    "file_name": "id.txt",
                }
            )
        )
        self.assertEqual(document.unit_id, self.unit_a1)
        self.assertEqual(document.partner_id, self.owner_a)
        self.assertEqual(self.unit_a1.document_count, 1)
        with self.assertRaises(ValidationError):
            document.unit_id = self.unit_a2
