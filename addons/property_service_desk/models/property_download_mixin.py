# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import models


class PropertyDownloadMixin(models.AbstractModel):
    """An export that keeps its file on the record (``file``, ``file_name``) and sends
    it to the browser."""

    _name = "property.download.mixin"
    _description = "Downloadable Export"

    def _download_file(self, content, file_name):
        """Keep ``content`` (bytes) as ``file_name`` and return the action downloading it."""
        self.ensure_one()
        self.write({"file": base64.b64encode(content), "file_name": file_name})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/{file_name}?download=true",
            "target": "self",
        }
