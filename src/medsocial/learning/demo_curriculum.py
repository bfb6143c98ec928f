"""The starter curriculum: social media for health care professionals (written for this hub).

Plain data, read by `demo.load()`. Each course: modules of (title, minutes, Markdown body)
lessons, and quizzes of questions."""

FOUNDATIONS = {
    "slug": "social-media-essentials-for-clinicians",
    "title": "Social Media Essentials for Clinicians",
    "summary": "Why social media matters in health care, how to protect patient privacy online, and where "
    "the line runs between your professional and personal accounts.",
    "description": "A first course for nurses, physicians, pharmacists and every member of a care team. "
    "You will learn what patients look for online, which rules protect them, and simple habits "
    "that keep your posts useful and safe.\n\nThe course ends with a quiz that includes a post "
    "you examine for details that reveal a patient.",
    "topic": "foundations",
    "level": "introductory",
    "audience": "",
    "estimated_hours": "2.0",
    "ce_hours": "2.00",
    "validity_months": 24,
    "modules": [
        (
            "Why social media matters in health care",
            [
                (
                    "Patients are already online",
                    10,
                    """
Most adults look up health information online before or after they see a clinician. They read
hospital reviews, join condition-specific groups and follow clinicians who explain things clearly.

When health professionals stay silent, the space is filled by others — some helpful, some selling
miracle cures. A clear, accurate post from a nurse or pharmacist can reach more people in a day than
a waiting-room leaflet reaches in a year.

**Key idea:** your voice is not a replacement for care, but it can steer people towards it.

- Patients compare what they read online with what they hear in clinic.
- Accurate content shared early competes better than corrections shared late.
- Trust is built over months of consistent, modest posting.
""",
                ),
                (
                    "What clinicians gain",
                    8,
                    """
Clinicians use social media to learn, to teach and to connect.

1. **Learning.** Journal clubs, conference hashtags and specialist communities bring new evidence to you.
2. **Teaching.** Short explanations of a test, a medicine or a procedure help patients arrive prepared.
3. **Networking.** Colleagues in other hospitals share protocols, job openings and research ideas.
4. **Advocacy.** Public health campaigns — vaccination, screening, safe sleep — need credible messengers.

None of these require sharing anything about an individual patient. The best professional accounts
talk about *topics*, not *cases*.
""",
                ),
                (
                    "Your organization's policy",
                    8,
                    """
Almost every health system has a social media policy. Read it before you post about work.

Policies usually cover: who may speak for the organization, whether you may name your employer in
your profile, rules for photos taken on site, and whom to call when something goes wrong.

> A policy is not there to silence you. It tells you where the guard rails are so you can speak with
> confidence.

If your organization has no written policy, ask your communications team. Until then, follow the
strictest rule in this course: never post anything that could identify a patient.
""",
                ),
            ],
        ),
        (
            "Privacy and patient confidentiality",
            [
                (
                    "What counts as identifying",
                    12,
                    """
Removing the name is not enough. A patient can be recognized from a combination of small details:

- dates (admission, birth, surgery, "last Tuesday"),
- places (ward, town, school, workplace),
- rare conditions or unusual injuries,
- ages over 89, occupations, family details,
- photos — faces, tattoos, wristbands, a monitor screen, a whiteboard in the background.

Ask yourself: *could the patient, a relative or a neighbour recognize this person?* If the answer is
"maybe", do not post it.
""",
                ),
                (
                    "Photos, screens and the background",
                    10,
                    """
Most accidental disclosures are in pictures, not words. Before you take a photo at work, check:

- the whiteboard and patient list behind you,
- monitors, charts and labels on bags and tubes,
- reflections in windows and glasses,
- people passing in corridors.

Celebrating a team milestone is a good reason to post. Take the picture in a staff-only space,
look at it full-screen before posting, and crop or retake when in doubt.
""",
                ),
                (
                    "Answering patients who contact you",
                    10,
                    """
Patients sometimes message clinicians on public platforms or by direct message.

Do not give individual medical advice on social media, even privately: you cannot verify who you are
talking to, the platform stores the conversation, and you cannot examine the person.

A kind, standard reply works: *"Thank you for reaching out. I can't give personal medical advice
here — please contact your care team or call our patient line."* Keep such replies short and free of
any detail that confirms the person is, or was, a patient.
""",
                ),
            ],
        ),
        (
            "Professional boundaries and personal accounts",
            [
                (
                    "One person, two audiences",
                    10,
                    """
Your personal account is still read as the voice of a health professional. Colleagues, employers and
patients can find it.

Good practice:

- Use strict privacy settings on personal accounts and review them twice a year.
- Do not accept friend requests from current or former patients on personal profiles.
- Say that opinions are your own, and remember the disclaimer does not excuse unprofessional content.
- Think before posting about alcohol, politics or your employer while identifiable as a clinician.
""",
                ),
                (
                    "When things go wrong",
                    8,
                    """
If you posted something you regret — or you see a colleague's post that reveals a patient — act fast.

1. Delete the post (a screenshot may already exist; deleting still limits harm).
2. Tell your manager or privacy officer the same day. Most policies require it.
3. Do not argue in the comments.

Organizations handle honest, quick reports far better than discoveries made weeks later.
""",
                ),
            ],
        ),
    ],
    "quizzes": [
        {
            "module": None,
            "slug": "essentials-final-quiz",
            "title": "Essentials final quiz",
            "pass_mark": 75,
            "max_attempts": 5,
            "intro": "Four questions. You need 75% to pass; you may try again.",
            "questions": [
                {
                    "kind": "single",
                    "prompt": "Which of these posts is safest for a clinician to share?",
                    "choices": [
                        ("A photo of the team's cake in the staff room, whiteboard out of view", True),
                        ("A story about an unusual patient admitted last night, without the name", False),
                        ("A selfie on the ward with the patient list behind you", False),
                    ],
                    "right": "Yes: a staff-only space with nothing identifying in view.",
                    "wrong": "Rare cases, recent dates and ward backgrounds can all identify a patient.",
                },
                {
                    "kind": "multiple",
                    "prompt": "Which details can identify a patient even without a name?",
                    "choices": [
                        ("The date of admission", True),
                        ("A distinctive tattoo in a photo", True),
                        ("The town where they live", True),
                        ("The general topic of hand washing", False),
                    ],
                    "right": "Right: dates, places and distinctive features all identify.",
                    "wrong": "Dates, places and distinctive features identify; general topics do not.",
                },
                {
                    "kind": "true_false",
                    "prompt": "A disclaimer saying “opinions are my own” makes any post acceptable.",
                    "choices": [("True", False), ("False", True)],
                    "right": "Correct — the disclaimer does not excuse unprofessional content.",
                    "wrong": "A disclaimer helps, but your posts are still read as a health professional's.",
                },
                {
                    "kind": "patient_details",
                    "prompt": "Find what reveals the patient: tick every word that could identify the person.",
                    # The author's marks: [[ ]] around each detail that identifies the patient.
                    "post": "Proud of our team! [[Maria Lopez]] in room [[412]] went home today after her "
                    "hip surgery on [[03/14/2026]]. Thank you, night shift!",
                    "right": "Well spotted: a name, a room number and a date each point to one person.",
                    "wrong": "Names, room numbers and dates identify a patient. Share the team's pride without them.",
                },
            ],
        },
    ],
}

PLATFORMS = {
    "slug": "platform-by-platform",
    "title": "Platform by Platform: X, Facebook, YouTube, LinkedIn, Instagram, TikTok, Blogs and Podcasts",
    "summary": "What each platform is good for in health care, what to post there, and the traps to avoid.",
    "description": "Each platform has its own audience and habits. This course walks through the major "
    "networks and long-form channels so you can choose where to spend your time.",
    "topic": "platforms",
    "level": "intermediate",
    "audience": "nurse,physician,pharmacist,communications",
    "estimated_hours": "2.5",
    "ce_hours": "2.50",
    "validity_months": None,
    "modules": [
        (
            "Conversation networks",
            [
                (
                    "X (Twitter): fast conversation",
                    10,
                    """
X rewards speed and brevity. Clinicians use it for conference coverage, journal discussions and
public health updates.

- Write one idea per post; link to the source.
- Use established hashtags for your specialty so peers can find you.
- Expect disagreement. Reply once with evidence, then step away.

Avoid live-posting from clinical areas; a timestamp and a location can identify a patient.
""",
                ),
                (
                    "Facebook: communities and local reach",
                    10,
                    """
Facebook is where many patients and families spend time, especially in local and condition-specific
groups.

Hospitals use pages for service updates, events and health campaigns. Clinicians should be careful in
patient groups: a friendly answer to one person's question can become individual advice. Point people
to reliable resources and to their care team instead.
""",
                ),
                (
                    "LinkedIn: your professional profile",
                    8,
                    """
LinkedIn is a professional network: recruiters, leaders and colleagues read it.

Use it to share publications, talks, quality improvement results and job openings. Write in the
first person and keep the tone of a conference hallway conversation. Endorsements and
recommendations should describe work you have actually seen.
""",
                ),
            ],
        ),
        (
            "Visual and video platforms",
            [
                (
                    "YouTube: explain once, help many",
                    12,
                    """
Video explanations of procedures, medicines and recovery exercises are watched for years.

- Plan a short script: the question, the answer, what to do next.
- Film in a neutral space; check the background for patient information.
- Add captions — accurate captions help people with hearing loss and viewers without sound.
- Disable or moderate comments if you cannot review them.
""",
                ),
                (
                    "Instagram: pictures with care",
                    10,
                    """
Instagram is visual. Team photos, infographics and day-in-the-life stories perform well.

Every image must pass the background check from the privacy module. Stories disappear for viewers
but can be captured; treat them like permanent posts. Use alt text so screen-reader users get the
message too.
""",
                ),
                (
                    "TikTok: short video, young audience",
                    10,
                    """
TikTok reaches teenagers and young adults who rarely read health websites. Short, friendly videos
that bust myths or explain a symptom can travel far.

Guard rails: no patients, no dances in clinical areas during care, no mocking of patients' situations,
and no promises of results. Check trends before joining them — some carry meanings you did not intend.
""",
                ),
            ],
        ),
        (
            "Long-form channels",
            [
                (
                    "Blogs: depth and search",
                    10,
                    """
A blog post answers a question in depth and can be found through search engines for years.

Write for one reader with one question. Cite sources, date the post, and review it when guidance
changes. A hospital blog should have an editor who checks accuracy and privacy before publishing.
""",
                ),
                (
                    "Podcasts: conversations people keep",
                    10,
                    """
Podcasts suit long conversations: an expert interview, a patient advocate's experience told with
consent, a walk through new guidelines.

Record consent in writing for every guest. Edit out any identifying detail a guest mentions about
someone else. Publish show notes with links to the sources discussed.
""",
                ),
            ],
        ),
    ],
    "quizzes": [
        {
            "module": None,
            "slug": "platforms-quiz",
            "title": "Choosing the right platform",
            "pass_mark": 70,
            "max_attempts": None,
            "intro": "Three questions about where to post what.",
            "questions": [
                {
                    "kind": "single",
                    "prompt": "Where would you publish a detailed, searchable explanation of a new screening guideline?",
                    "choices": [
                        ("A blog post", True),
                        ("A TikTok video", False),
                        ("An Instagram story", False),
                    ],
                    "right": "Yes: long-form text is found through search for years.",
                    "wrong": "Short formats are good for reach; a searchable explanation belongs on a blog.",
                },
                {
                    "kind": "multiple",
                    "prompt": "Which steps make a YouTube explainer accessible and safe?",
                    "choices": [
                        ("Accurate captions", True),
                        ("Checking the background for patient information", True),
                        ("Filming at a patient's bedside", False),
                    ],
                    "right": "Captions and a clean background are essential.",
                    "wrong": "Captions and a clean background are essential; never film at a bedside.",
                },
                {
                    "kind": "true_false",
                    "prompt": "Instagram stories disappear, so they cannot reveal a patient.",
                    "choices": [("True", False), ("False", True)],
                    "right": "Right — viewers can capture stories; treat them as permanent.",
                    "wrong": "Stories can be captured by anyone watching; treat them as permanent.",
                },
            ],
        },
    ],
}

STRATEGY = {
    "slug": "strategy-measurement-and-crisis",
    "title": "Strategy, Measurement and Crisis Response for Health Organizations",
    "summary": "Build a social media strategy for a hospital or practice, measure what matters, and "
    "handle criticism and crises calmly.",
    "description": "For communications teams and clinical leaders who run an organization's accounts.",
    "topic": "strategy",
    "level": "advanced",
    "audience": "communications,administrator",
    "estimated_hours": "3.0",
    "ce_hours": "3.00",
    "validity_months": 12,
    "modules": [
        (
            "Building a strategy",
            [
                (
                    "Start from goals, not platforms",
                    12,
                    """
A strategy begins with what the organization needs: more flu vaccinations, recruitment of nurses,
trust in a new service, fewer missed appointments.

For each goal write: the audience, the message, the action you want, and how you will know it worked.
Only then choose platforms — the ones where that audience already is.
""",
                ),
                (
                    "Roles, approvals and a content calendar",
                    10,
                    """
Decide who drafts, who checks clinical accuracy, who checks privacy, and who may publish. Write it
down.

A monthly content calendar keeps accounts steady: awareness days, service news, staff stories and
answers to common questions. Leave space for timely posts, and agree in advance who approves them
out of hours.
""",
                ),
            ],
        ),
        (
            "Measuring results",
            [
                (
                    "Metrics that matter",
                    12,
                    """
Followers and likes are easy to count and easy to over-value. Better measures follow your goals:

- clicks to booking pages or sign-up forms,
- questions answered and time to answer,
- shares of public health messages,
- recruitment applications that mention social media.

Report monthly, compare with the same month last year, and explain changes in plain words.
""",
                ),
                (
                    "Learning from the numbers",
                    10,
                    """
Numbers are a starting point for questions. If a post did well, was it the topic, the format or the
time? If engagement fell, did a platform change its feed?

Test one change at a time and keep notes. Share what you learn with clinical colleagues: they
supply the expertise that makes posts worth reading.
""",
                ),
            ],
        ),
        (
            "Criticism and crises",
            [
                (
                    "Responding to criticism",
                    12,
                    """
A negative review or an angry comment is often a patient asking to be heard.

1. Reply promptly and politely, without confirming the person was a patient.
2. Offer a private route: *"We'd like to look into this — please contact our patient relations team."*
3. Never discuss care details in public, even if the patient does.
4. Hide or remove only what breaks your published community rules (threats, hate, spam).
""",
                ),
                (
                    "When a crisis breaks",
                    12,
                    """
A crisis — a data breach, an outbreak, a viral video from inside the hospital — moves faster than
normal approvals.

Prepare before it happens: a contact list, holding statements, and a decision on who speaks. In the
first hour, acknowledge what you know, say when you will update, and pause scheduled posts. Keep a log
of every post and decision for the review afterwards.
""",
                ),
            ],
        ),
    ],
    "quizzes": [
        {
            "module": None,
            "slug": "strategy-quiz",
            "title": "Strategy and crisis check",
            "pass_mark": 70,
            "max_attempts": 3,
            "intro": "Three questions about strategy and criticism.",
            "questions": [
                {
                    "kind": "single",
                    "prompt": "What should come first when building a social media strategy?",
                    "choices": [
                        ("The organization's goals", True),
                        ("Choosing the newest platform", False),
                        ("Buying followers", False),
                    ],
                    "right": "Yes — goals first, then audiences and platforms.",
                    "wrong": "Start from goals; platforms follow the audience.",
                },
                {
                    "kind": "multiple",
                    "prompt": "Which are good replies to a public complaint?",
                    "choices": [
                        ("Thank them and offer a private contact route", True),
                        ("Explain their treatment in detail to correct them", False),
                        ("Reply promptly and politely", True),
                    ],
                    "right": "Polite, prompt, and private for details.",
                    "wrong": "Never discuss care details in public, even to correct a complaint.",
                },
                {
                    "kind": "true_false",
                    "prompt": "During a crisis you should keep scheduled promotional posts running as normal.",
                    "choices": [("True", False), ("False", True)],
                    "right": "Right — pause scheduled posts so they do not appear tone-deaf.",
                    "wrong": "Pause scheduled posts during a crisis.",
                },
            ],
        },
    ],
}

CURRICULUM = [FOUNDATIONS, PLATFORMS, STRATEGY]
