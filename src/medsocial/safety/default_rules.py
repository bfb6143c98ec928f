"""The site-wide default policy rules, drawn from what hospital social media policies commonly
require. Installed by a data migration; organizations add their own (competitors, hashtags)."""

DEFAULT_RULES = [
    {
        "name": "Individual medical advice",
        "severity": "block",
        "explanation": "Do not give one person medical advice in public. Invite them to talk to their "
        "own clinician or to call the clinic instead.",
        "pattern": r"\byou (?:should|need to|must|can|could) (?:stop|start|quit|skip|double|halve|increase|"
        r"decrease|lower|raise|take|try|switch) (?:taking |using )?(?:your|the|this|a|some)\b"
        r"|\bI (?:recommend|suggest|advise) (?:that )?you (?:take|stop|start|try|skip)\b"
        r"|\btake \d{1,4} ?(?:mg|milligrams|tablets|pills|units)\b",
    },
    {
        "name": "Promising outcomes",
        "severity": "warn",
        "explanation": "Health care cannot promise results. Describe what a service offers, not a "
        "guaranteed outcome.",
        "phrases": "guaranteed\nguarantee\n100% success\n100% effective\nwill cure\nmiracle cure\nrisk-free\n"
        "no risk\npainless\npermanent results\nnever fails",
    },
    {
        "name": "Hashtag that names a patient",
        "severity": "block",
        "explanation": "Hashtags like #PrayForEmma or #TeamJake name a patient as surely as the post does.",
        "pattern": r"#(?:prayfor|prayersfor|praying4|praying_for|team|strongfor)[A-Za-z]{2,30}\b"
        r"|#[A-Za-z]{2,30}strong\b",
        "exceptions": "#teamwork\n#teamnursing\n#teammedsocial\n#bostonstrong\n#nursesstrong",
    },
    {
        "name": "Missing affiliation disclosure",
        "severity": "warn",
        "explanation": "When you praise the place you work, say that you work there (for example "
        "#employee); endorsement rules and most hospital policies require it.",
        "pattern": r"\b(?:best|greatest|top|number one|#1|amazing|favorite)\s(?:[\w-]{1,20}\s){0,2}"
        r"(?:hospital|health system|clinic|doctors?|surgeons?|nurses?|care team|ER)\b",
        "unless": "#employee\n#iworkhere\nI work at\nI work for\nmy employer\nwhere I work\nproud to work\n"
        "#ad\n#sponsored\npaid partnership\ndisclosure",
    },
    {
        "name": "Patient photos and images",
        "severity": "block",
        "explanation": "Photos, x-rays and screenshots of patients need written consent through the "
        "communications office, even when the face is hidden.",
        "phrases": "selfie with my patient\nphoto of my patient\npic of my patient\npicture of my patient\n"
        "check out this x-ray\nlook at this x-ray\nlook at this scan\nscreenshot of the chart",
    },
    {
        "name": "Demeaning talk about patients",
        "severity": "block",
        "explanation": "Labels like these demean patients and break professional conduct rules, even "
        "without a name.",
        "phrases": "frequent flyer\nfrequent flier\ndrug seeker\ndrug-seeking patient\nnoncompliant patient\n"
        "non-compliant patient\ngomer\nthe crazy patient",
    },
]
