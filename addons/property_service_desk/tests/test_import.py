# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import xlsxwriter

from odoo.tests import tagged
from odoo.tools import file_open

from .common import PropertyCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestImport(PropertyCommon):
    """Units and occupants come from the developer's spreadsheets through Odoo's
    standard import, with column titles as the users read them."""

    def _xlsx(self, rows):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet("Sheet1")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        workbook.close()
        return buffer.getvalue()

    def _import(self, model, content):
        # the supervisor loads the estate's units and residents from the sales office's
        # spreadsheets (the supervisor maintains the master data)
        wizard = (
            self.env["base_import.import"]
            .with_user(self.supervisor_a)
            .create(
                {"res_model": model, "file": content, "file_type": XLSX, "file_name": "data.xlsx"}
            )
        )
        preview = wizard.parse_preview({"has_headers": True})
        self.assertFalse(preview.get("error"), preview)
        fields = ["/".join(match) if match else False for match in preview["matches"].values()]
        self.assertNotIn(False, fields, "every column title maps to a field")
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": "",
            "date_format": "%Y-%m-%d",
            "datetime_format": "",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
            "name_create_enabled_fields": {"partner_id": True},
            "import_skip_records": [],
            "import_set_empty_fields": [],
            "fallback_values": {},
        }
        return wizard.execute_import(fields, preview["headers"], options)

    def test_import_units_then_occupants(self):
        units = self._xlsx(
            [
                ["Code", "Estate", "Building", "Floor", "Gross Area (m²)", "Usage", "Status"],
                ["1-2-301", "Estate A", "A1", 3, 96.36, "Residential", "Vacant"],
                ["1-2-302", "Estate A", "Estate A / A1", 3, 112.8, "Residential", "Occupied"],
                ["S-01", "Estate A", "", 1, 65.3, "Shop", "Unsold"],
            ]
        )
        result = self._import("property.unit", units)
        self.assertFalse(result["messages"], result["messages"])
        imported = self.env["property.unit"].browse(result["ids"])
        self.assertEqual(imported.mapped("code"), ["1-2-301", "1-2-302", "S-01"])
        self.assertEqual(imported.estate_id, self.estate_a)
        self.assertEqual(imported[:2].building_id, self.building_a)
        self.assertEqual(imported.mapped("state"), ["vacant", "occupied", "unsold"])
        self.assertAlmostEqual(imported[1].area, 112.8)

        occupants = self._xlsx(
            [
                ["Unit", "Person", "Role", "From", "Pays Fees"],
                ["Estate A 1-2-301", "王芳", "Owner", "2023-05-01", "True"],
                ["Estate A 1-2-302", "刘洋", "Owner", "2022-01-15", "True"],
                ["Estate A 1-2-302", "刘小明", "Household Member", "2022-01-15", "False"],
            ]
        )
        result = self._import("property.occupancy", occupants)
        self.assertFalse(result["messages"], result["messages"])
        occupancies = self.env["property.occupancy"].browse(result["ids"])
        self.assertEqual(occupancies.mapped("role"), ["owner", "owner", "member"])
        self.assertEqual(imported[0].owner_ids.name, "王芳")
        self.assertEqual(imported[1].fee_payer_id.name, "刘洋")
        self.assertEqual(len(imported[1].occupant_ids), 2)

    def test_import_bad_rows_change_nothing(self):
        before = self.env["property.unit"].search_count([])
        units = self._xlsx(
            [
                ["Code", "Estate", "Building", "Floor", "Gross Area (m²)", "Usage", "Status"],
                ["1-3-101", "Estate A", "A1", 1, 80, "Residential", "Vacant"],
                ["1-3-102", "Estate A", "A1", 1, 0, "Residential", "Vacant"],
            ]
        )
        result = self._import("property.unit", units)
        self.assertTrue(result["messages"])
        self.assertEqual(result["messages"][0]["type"], "error")
        self.assertEqual(self.env["property.unit"].search_count([]), before)

    def test_import_templates_are_shipped(self):
        templates = self.env["property.unit"].get_import_templates()
        self.assertTrue(templates)
        for template in templates + self.env["property.occupancy"].get_import_templates():
            path = template["template"].lstrip("/")
            with file_open(path, "rb") as handle:
                self.assertTrue(handle.read(4).startswith(b"PK"), path)
