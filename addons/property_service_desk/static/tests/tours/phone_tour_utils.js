// Forms used away from the desk, on a phone-sized screen (375 × 667): nothing may stick
// out sideways, the step's button stays in reach, and x2many lines are cards that open
// to be answered.
export function checkNoSidewaysScroll() {
    const page = document.querySelector(".o_action_manager");
    if (page.scrollWidth > window.innerWidth + 1) {
        throw new Error(
            `The page is ${page.scrollWidth}px wide on a ${window.innerWidth}px screen.`
        );
    }
}
