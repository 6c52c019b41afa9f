import {registry} from "@web/core/registry";

// A front-desk workflow in the web client: find a unit, register its owner as the fee
// payer from the unit form, then look at the units as kanban and pivot.
registry.category("web_tour.tours").add("property_unit_register_owner", {
    steps: () => [
        {
            content: "Open the unit from the list",
            trigger: ".o_list_view .o_data_row td[name='code']:contains('TOUR-1-101')",
            run: "click",
        },
        {
            content: "Go to the occupants",
            trigger: ".o_notebook a[name='occupants']",
            run: "click",
        },
        {
            content: "Add an occupant",
            trigger:
                ".o_field_widget[name='occupancy_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger:
                ".o_field_widget[name='occupancy_ids'] .o_data_row [name='partner_id'] input",
            run: "edit Tour Owner",
        },
        {
            content: "Pick them in the dropdown",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Owner 赵六')",
            run: "click",
        },
        {
            content: "They pay the fees",
            trigger:
                ".o_field_widget[name='occupancy_ids'] .o_data_row [name='is_fee_payer'] input",
            run: "click",
        },
        {
            content: "Save the unit",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the unsold unit became vacant",
            trigger:
                ".o_form_saved .o_statusbar_status button.o_arrow_button_current:contains('Vacant')",
        },
        {
            content: "Back to the units",
            trigger: ".o_back_button, .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Cards grouped by state",
            trigger: ".o_kanban_renderer .o_kanban_record:contains('TOUR-1-101')",
        },
        {
            content: "Pivot view",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "Area by building and state",
            trigger: ".o_pivot table .o_pivot_header_cell_closed, .o_pivot table th",
        },
    ],
});
