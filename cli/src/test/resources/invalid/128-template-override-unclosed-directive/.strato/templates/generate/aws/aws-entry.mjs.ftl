line one
line two <#if stage == "dev">dev
