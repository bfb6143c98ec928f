from django import forms

from medsocial.accounts.models import Profession
from medsocial.learning.models import Course, Lesson, Level, Module, Question, Quiz, Topic


class CatalogFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    topic = forms.ChoiceField(choices=[("", "Any topic"), *Topic.choices], required=False)
    profession = forms.ChoiceField(choices=[("", "Any profession"), *Profession.choices], required=False)
    level = forms.ChoiceField(choices=[("", "Any level"), *Level.choices], required=False)
    ce = forms.BooleanField(label="Offers CE credit", required=False)


class CourseForm(forms.ModelForm):
    audience = forms.MultipleChoiceField(
        choices=Profession.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty when the course is for everyone.",
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "summary",
            "description",
            "topic",
            "level",
            "audience",
            "estimated_hours",
            "ce_hours",
            "validity_months",
            "cover_image",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["audience"] = self.instance.audience_list

    def clean_audience(self):
        return ",".join(self.cleaned_data["audience"])


class ModuleForm(forms.ModelForm):
    class Meta:
        model = Module
        fields = ["title"]


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["module", "title", "body", "estimated_minutes", "media_file", "embed_url"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(course=course)


class ResourceForm(forms.Form):
    title = forms.CharField(max_length=200, required=False)
    file = forms.FileField()


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = [
            "title",
            "module",
            "intro",
            "pass_mark",
            "max_attempts",
            "shuffle_questions",
            "reveal_answers",
        ]

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(course=course)
        self.fields["module"].required = False
        self.fields["pass_mark"].widget.attrs.update(min=1, max=100)
        self.fields["reveal_answers"].required = False

    def clean_reveal_answers(self):
        return self.cleaned_data["reveal_answers"] or Quiz.AnswerReveal.WHEN_DONE

    def clean_pass_mark(self):
        value = self.cleaned_data["pass_mark"]
        if not 1 <= value <= 100:
            raise forms.ValidationError("Between 1 and 100 percent.")
        return value


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=Question.Kind.choices)
    prompt = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text='One choice per line; start correct ones with "*". True/false: write True and False.',
    )
    post_text = forms.CharField(
        label="Post to examine",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only for “find what reveals the patient”: put [[double brackets]] around each detail "
        "that identifies the patient; learners are graded against your marks.",
    )
    feedback_correct = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    feedback_incorrect = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    points = forms.IntegerField(min_value=1, max_value=20, initial=1)


class AssignForm(forms.Form):
    course = forms.ModelChoiceField(queryset=Course.objects.none())
    members = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    due_on = forms.DateField(label="Due date", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, courses, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["members"].choices = [(str(u.pk), f"{u.display_name} ({u.email})") for u in members]


class RevokeForm(forms.Form):
    reason = forms.CharField(max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
